export * from "./geography";
export * from "./spaces";
export * from "./users";
export * from "./organisations";
export * from "./people";
export * from "./realtime";
export * from "./audit";
export * from "./meetings";
