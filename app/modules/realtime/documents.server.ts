import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { meetings, spaces } from "../../../db/schema/index";
import type { DocumentFacts } from "./access";
import type { DocumentRef } from "./document-names";

/** The facts access depends on, or null when the thing a document belongs to does not exist. */
export function documentFacts(db: Db, ref: DocumentRef): DocumentFacts | null {
  switch (ref.kind) {
    case "space-notes":
      return db.select({ spaceId: spaces.id }).from(spaces).where(eq(spaces.id, ref.spaceId)).get() ?? null;
    case "meeting-minutes":
      return db.select({ spaceId: meetings.spaceId, meetingStatus: meetings.status }).from(meetings).where(eq(meetings.id, ref.meetingId)).get() ?? null;
    case "meeting-live":
      return db.select({ spaceId: meetings.spaceId, meetingStatus: meetings.status, screenToken: meetings.screenToken }).from(meetings).where(eq(meetings.id, ref.meetingId)).get() ?? null;
  }
}
