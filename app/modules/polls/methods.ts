/**
 * How a poll is held: on phones by name or secretly, by a show of hands (or paper ballots,
 * counted and entered the same way), by consensus, or hybrid — phones and a counted show of
 * hands of those who did not vote by phone, in one poll.
 */
export const POLL_METHODS = ["named", "secret", "hands", "paper", "consensus", "hybrid"] as const;
export type PollMethod = (typeof POLL_METHODS)[number];

export const POLL_STATES = ["open", "closed"] as const;
export type PollState = (typeof POLL_STATES)[number];

export const BALLOT_CHOICES = ["yes", "no", "abstain"] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

/** Whether ballots come from phones (and who voted is recorded). */
export const takesPhoneBallots = (method: PollMethod): boolean => method === "named" || method === "secret" || method === "hybrid";

/** Whether a phone ballot's choice is kept beside its voter (named polls, shown after closing). */
export const keepsChoice = (method: PollMethod): boolean => method === "named";

/**
 * Whether phone ballots must never be tied to their voters: secret polls, and hybrid ones,
 * whose phone ballots go to the counters only (the hands are counted openly in the room).
 */
export const unlinkable = (method: PollMethod): boolean => method === "secret" || method === "hybrid";

/** Whether the facilitator enters counted hands (paper ballots are counted and entered the same way). */
export const takesHands = (method: PollMethod): boolean => method === "hands" || method === "paper" || method === "hybrid";
