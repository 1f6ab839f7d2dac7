/** The kinds a meeting, an agenda item and a role at a meeting can take (forms and screens list them). */
export const MEETING_KINDS = ["ordinary", "extraordinary", "thematic_forum", "feedback_session", "training"] as const;
export const AGENDA_KINDS = ["information", "discussion", "motion", "commitment_review", "other"] as const;
export const ATTENDANCE_ROLES = ["delegate", "official", "facilitator", "observer", "resource_person"] as const;
