export * from "../../entities/guid-refs.ts";
export * from "../../entities/wire-primitives.ts";
export * from "../../kernel/vocabulary.ts";
export * from "./entity-schemas.ts";
export * from "./envelopes.ts";
export * from "./status-info.ts";
