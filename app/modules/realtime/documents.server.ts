import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { spaces } from "../../../db/schema/index";
import type { DocumentRef } from "./document-names";

/** Whether the thing a document belongs to exists: no document is opened for nothing. */
export function documentExists(db: Db, ref: DocumentRef): boolean {
  switch (ref.kind) {
    case "space-notes":
      return !!db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, ref.spaceId)).get();
  }
}
