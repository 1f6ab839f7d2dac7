/** The settings a space takes, defined once: forms list them, the schema stores them. */
export const SPACE_LEVELS = ["commune", "section"] as const;
export type SpaceLevel = (typeof SPACE_LEVELS)[number];
export const SPACE_SETTINGS = ["rural", "urban"] as const;
export type SpaceSetting = (typeof SPACE_SETTINGS)[number];
export const SPACE_STATUSES = ["active", "dormant"] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];
/** One organisation one vote, or one delegate one vote. */
export const VOTING_BASES = ["organisation", "delegate"] as const;
export type VotingBase = (typeof VOTING_BASES)[number];
export const MAJORITY_RULES = ["simple", "absolute", "two_thirds", "consensus"] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];
