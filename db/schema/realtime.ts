import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Yjs updates of a document, in order; compaction replaces them by one merged update. */
export const documentUpdates = sqliteTable(
  "document_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    docName: text("doc_name").notNull(),
    update: blob("update", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("document_updates_doc_idx").on(t.docName, t.id)],
);
