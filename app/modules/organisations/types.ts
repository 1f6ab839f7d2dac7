export const ORGANISATION_TYPES = ["base", "women", "youth", "muso", "cooperative", "savings", "peasant", "local_ngo", "network", "other"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const AUTHORITY_KINDS = ["casec", "asec", "municipal_council", "town_delegate", "state_service", "parliamentarian", "other"] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];
