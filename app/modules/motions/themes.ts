/** What a motion is about, for the lists' filters and the reports' figures. */
export const MOTION_THEMES = ["water", "roads", "agriculture", "health", "education", "security", "environment", "women_rights", "youth", "other"] as const;
export type MotionTheme = (typeof MOTION_THEMES)[number];
