import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import type { SocketCredentials } from "./credentials";
import type { DocumentRef } from "./document-names";
import { minutesWritable, type MeetingStatus } from "../meetings/meeting-state";
import { writable as reportWritable, type ReportStatus, type ScopeKind } from "../reports/report-rules";

export type DocumentAccess = "write" | "read" | "none";

/** What the server knows of the thing a document belongs to. */
export interface DocumentFacts {
  spaceId: number;
  /** For meeting documents. */
  meetingStatus?: MeetingStatus;
  /** For a meeting's minutes: whether they are approved (then frozen). */
  minutesApproved?: boolean;
  /** The secret of the meeting's shared screen link, once the meeting has opened. */
  screenToken?: string | null;
  /** For a report's sections: its scope's spaces and whether it is being written. */
  report?: { scope: ScopeKind; spaceIds: readonly number[]; status: ReportStatus };
}

/** What a socket brings besides a session: the shared screen's link carries its token. */
export type Credentials = Partial<Pick<SocketCredentials, "screenToken">>;

/** The one rule for who reads and who writes a realtime document. */
export function documentAccess(actor: Actor | null, doc: DocumentRef, facts: DocumentFacts, credentials: Credentials = {}): DocumentAccess {
  // A projector needs no account: the screen's link reads that meeting's live state, nothing
  // else, and only while the meeting runs (closing or cancelling it ends the link: open
  // screens are decided again then, and closed).
  const running = facts.meetingStatus === "planned" || facts.meetingStatus === "live";
  if (doc.kind === "meeting-live" && running && facts.screenToken && credentials.screenToken === facts.screenToken) return "read";
  if (!actor) return "none";
  const subject = { spaceId: facts.spaceId };
  const facilitates = can(actor, "meeting.run", subject);
  const member = can(actor, "space.member", subject);
  switch (doc.kind) {
    case "space-notes":
      return facilitates ? "write" : member ? "read" : "none";
    case "meeting-minutes": {
      // Minutes are written by the facilitators before, during and after the meeting until
      // they are approved, then frozen.
      const writable = facts.meetingStatus !== undefined && minutesWritable({ status: facts.meetingStatus, minutesApprovedAt: facts.minutesApproved ? 0 : null });
      return facilitates && writable ? "write" : member ? "read" : "none";
    }
    case "meeting-live":
      // Only the server writes the live state, through validated actions.
      return member ? "read" : "none";
    case "meeting-console":
      // What only the console shows (the people present, by name): facilitators, read-only.
      return facilitates ? "read" : "none";
    case "report-section": {
      // A draft is its authors' alone; once published it is read by them until they write the next version (the public reads the published version's page).
      const report = facts.report;
      if (!report || !can(actor, "report.write", { scope: report.scope, spaceIds: report.spaceIds })) return "none";
      return reportWritable(report.status) ? "write" : "read";
    }
  }
}

