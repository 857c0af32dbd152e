import { demographicsEntity } from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";

/** Demographics share the user's sourcedId, so they follow the user's org restriction. */
export const demographicsReadModel = defineReadModel({ entity: demographicsEntity, alias: "d" });
