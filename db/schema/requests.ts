import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The answer given to a state-changing form, kept under the key the form carried: a retry
 * after a dropped connection, or a re-post, gets the same answer and changes nothing again.
 * Keys are the client's (random, one per form shown); they are kept a day.
 */
export const idempotentRequests = sqliteTable(
  "idempotent_requests",
  {
    key: text("key").primaryKey(),
    /** Who sent it (a key replayed by someone else is refused), null when signed out. */
    userId: text("user_id"),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    /** The answer's headers that a replay needs (Location, Content-Type…), as JSON. */
    headers: text("headers", { mode: "json" }).$type<[string, string][]>().notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("idempotent_requests_created_idx").on(t.createdAt)],
);
