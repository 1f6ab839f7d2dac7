export * from "./geography";
export * from "./spaces";
export * from "./users";
export * from "./realtime";
export * from "./audit";
