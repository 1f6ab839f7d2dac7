/**
 * Every action the audit log records, each with who may read it: "public" entries make a
 * space's public history (its members, its authorities, its meetings once published);
 * "internal" ones are for the space's facilitators and administrators (people's details,
 * attendance, accounts, the live console's moves).
 */
export type Visibility = "public" | "internal";

export const AUDIT_ACTIONS = {
  "account.create": "internal",
  "role.grant": "internal",
  "role.revoke": "internal",
  // Accounts' own security: for administrators (no space).
  "account.passwordChange": "internal",
  "account.passwordReset": "internal",
  "account.signOutEverywhere": "internal",
  /** A facilitator asked for an account with a contact already used: only administrators see it. */
  "account.contactTaken": "internal",
  "commune.add": "public",
  "section.add": "public",
  "space.create": "public",
  "space.update": "public",
  "organisation.register": "public",
  "organisation.admit": "public",
  "organisation.leave": "public",
  "organisation.update": "internal",
  "organisation.delete": "internal",
  "organisation.archive": "public",
  "organisation.count": "internal",
  "delegate.seat": "internal",
  "delegate.unseat": "internal",
  "person.linkAccount": "internal",
  "person.unlinkAccount": "internal",
  "person.consent": "internal",
  "authority.register": "public",
  "official.register": "public",
  // A meeting's life is public once the meeting is published (the command says so).
  "meeting.plan": "internal",
  "meeting.update": "internal",
  "meeting.start": "internal",
  "meeting.close": "internal",
  "meeting.cancel": "internal",
  "meeting.reopen": "internal",
  "meeting.approveMinutes": "internal",
  "agenda.add": "internal",
  "agenda.move": "internal",
  "agenda.remove": "internal",
  "agenda.withdraw": "internal",
  "attendance.record": "internal",
  "attendance.correct": "internal",
  "attendance.remove": "internal",
  /** A delegate or official checked herself in from her phone (the meeting's link or QR code). */
  "attendance.selfCheckIn": "internal",
  /** Headcount mode: one anonymous row per tap, and the "−1" that takes the last one back. */
  "attendance.headcount": "internal",
  "attendance.headcountUndo": "internal",
  /** A paper attendance sheet re-entered: every line in one entry. */
  "attendance.paperEntry": "internal",
  "live.add": "internal",
  "live.accept": "internal",
  "live.withdraw": "internal",
  /** The console's undo of a withdrawal made by mistake. */
  "live.restore": "internal",
  "live.move": "internal",
  "live.start": "internal",
  "live.stop": "internal",
  "live.item": "internal",
  "live.limit": "internal",
  "live.priority": "internal",
  "live.message": "internal",
  "live.screen-locale": "internal",
  "live.commitment": "internal",
  "live.delegate-request": "internal",
  "live.delegate-withdraw": "internal",
  /**
   * Motions: a draft is its proposer's own until submitted; from submission on, the motion's
   * life is the space's public history (its own page shows it too).
   */
  "motion.draft": "internal",
  "motion.edit": "internal",
  "motion.submit": "public",
  "motion.cosponsorInvite": "public",
  "motion.cosponsorAnswer": "public",
  "motion.admit": "public",
  "motion.adopt": "public",
  "motion.reject": "public",
  "motion.withdraw": "public",
  "motion.refer": "public",
  "motion.forward": "public",
  /** Polls. A ballot's entry names the voter and the poll, never the choice (a secret poll's must not be linkable). */
  "poll.open": "public",
  "poll.vote": "internal",
  "poll.hands": "public",
  "poll.consensus": "public",
  "poll.close": "public",
  /** Commitments: public with the commitment (a non-public one's steps are internal, the command says so). */
  "commitment.record": "public",
  "commitment.update": "public",
  "commitment.claim": "public",
  "commitment.confirm": "public",
  "commitment.dispute": "public",
  "commitment.verify": "public",
  "commitment.partly": "public",
  "commitment.not_done": "public",
  "commitment.abandon": "public",
  "commitment.reschedule": "public",
  "report.create": "internal",
  "report.update": "internal",
  "report.publish": "public",
  "report.reopen": "internal",
} as const satisfies Record<string, Visibility>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * Nothing written to the audit log may tie a voter to a choice: no field of these names, at
 * any depth of what an entry records. Secret ballots' commands will only ever log that a
 * ballot was cast, never its content.
 */
export const BALLOT_FIELDS = ["choice", "choices", "ballot", "vote", "option", "optionId"] as const;

export function revealsBallot(payload: unknown): boolean {
  if (Array.isArray(payload)) return payload.some(revealsBallot);
  if (payload === null || typeof payload !== "object") return false;
  return Object.entries(payload).some(([key, value]) => (BALLOT_FIELDS as readonly string[]).includes(key) || revealsBallot(value));
}
