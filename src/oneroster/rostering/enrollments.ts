import { enrollmentEntity } from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";

export const enrollmentReadModel = defineReadModel({ entity: enrollmentEntity, alias: "e" });
