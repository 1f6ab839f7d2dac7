/** The speaking-time limits per turn the console offers, in seconds. */
export const TURN_LIMITS = [60, 90, 120, 180, 240, 300, 420, 600] as const;

/** A turn's limit until the console sets another. */
export const DEFAULT_TURN_LIMIT_SECONDS = 180;
