import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { spaces } from "./spaces";

import type { Role } from "../../app/modules/auth/roles";
import type { Locale } from "../../app/modules/i18n/locales";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").unique(),
  /** E.164, e.g. +50937001234. */
  phone: text("phone").unique(),
  passwordHash: text("password_hash").notNull(),
  /** The user's own language setting; null means "follow the browser". */
  locale: text("locale").$type<Locale>(),
  createdAt: integer("created_at").notNull(),
});

/** Lucia v3 sessions; expires_at in seconds as the drizzle adapter writes it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A role given to a user: "admin" is global (no space); the other roles hold in one space.
 */
export const roleGrants = sqliteTable(
  "role_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    spaceId: integer("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    grantedBy: text("granted_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("role_grants_user_idx").on(t.userId),
    uniqueIndex("role_grants_unique_idx").on(t.userId, t.role, t.spaceId),
  ],
);

/** Failed sign-ins per key ("account:…" or "address:…"), to slow down guessing. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
});
