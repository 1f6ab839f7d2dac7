import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AuditAction, Visibility } from "../../app/modules/audit/actions";
import { spaces } from "./spaces";
import { users } from "./users";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").$type<AuditAction>().notNull(),
    /** Everything that happened in a space is one query; its public history one more condition. */
    spaceId: integer("space_id").references(() => spaces.id),
    visibility: text("visibility").$type<Visibility>().notNull().default("internal"),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_log_subject_idx").on(t.subjectType, t.subjectId), index("audit_log_space_idx").on(t.spaceId, t.at)],
);
