export * from "../vocabulary.ts";
export * from "./base.ts";
export * from "./envelopes.ts";
export * from "./gradebook-entities.ts";
export * from "./guid-refs.ts";
export * from "./resources-entities.ts";
export * from "./rostering-entities.ts";
export * from "./status-info.ts";
