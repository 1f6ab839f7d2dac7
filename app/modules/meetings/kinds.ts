/** The kinds a meeting, an agenda item and a role at a meeting can take (forms and screens list them). */
export const MEETING_KINDS = ["ordinary", "extraordinary", "thematic_forum", "feedback_session", "training"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/** `minutes_approval`: the approval of an earlier meeting's minutes (usually the last one's). */
export const AGENDA_KINDS = ["information", "discussion", "motion", "commitment_review", "minutes_approval", "other"] as const;
export type AgendaItemKind = (typeof AGENDA_KINDS)[number];
export const ATTENDANCE_ROLES = ["delegate", "official", "facilitator", "observer", "resource_person"] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];
