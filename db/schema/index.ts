export * from "./activity";
export * from "./app";
export * from "./auth";
export * from "./organization-rules";
export * from "./webhooks";
