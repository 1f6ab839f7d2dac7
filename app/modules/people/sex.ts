/** Sex as the register and the door record it; not stated is null, never guessed. */
export const SEXES = ["female", "male"] as const;
export type Sex = (typeof SEXES)[number];
