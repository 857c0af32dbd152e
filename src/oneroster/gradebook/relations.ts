import { sql } from "drizzle-orm";
import { classes, lineItems } from "../../db/schema/index.ts";
import { aliasColumns } from "../../entities/index.ts";
import type { Relations } from "../read/index.ts";
import { ROSTERING_RELATIONS } from "../rostering/relations.ts";
import {
  categoryReadModel as categories,
  lineItemReadModel as items,
  resultReadModel as results,
  scoreScaleReadModel as scales,
} from "./read-models.ts";

const cl = aliasColumns(lineItems, "cl");
const sk = aliasColumns(classes, "sk");

/** The result's line item belongs to the class. */
const ofClassLineItem = (classSourcedId: string) =>
  sql`exists (select 1 from ${lineItems} cl
    where ${cl("tenantId")} = ${results.column("tenantId")}
      and ${cl("sourcedId")} = ${results.column("lineItemSourcedId")}
      and ${cl("classSourcedId")} = ${classSourcedId})`;

const studentsOfClass = ROSTERING_RELATIONS["classes/students"];
if (studentsOfClass === undefined) throw new Error("Rostering has no classes/students step");

/** What each step of a nested Gradebook path means (see ROSTERING_RELATIONS). */
export const GRADEBOOK_RELATIONS: Relations = {
  // Categories are district-wide: a class's are those its line items are filed under.
  "classes/categories": (id) =>
    sql`exists (select 1 from ${lineItems} cl
      where ${cl("tenantId")} = ${categories.column("tenantId")}
        and ${cl("categorySourcedId")} = ${categories.column("sourcedId")}
        and ${cl("classSourcedId")} = ${id} and ${cl("status")} = 'active')`,
  "classes/lineItems": (id) => sql`${items.column("classSourcedId")} = ${id}`,
  "lineItems/results": (id) => sql`${results.column("lineItemSourcedId")} = ${id}`,
  "classes/results": ofClassLineItem,
  "classes/scoreScales": (id) => sql`${scales.column("classSourcedId")} = ${id}`,
  "classes/students": studentsOfClass,
  // The student's results on line items of the class in the path.
  "students/results": (id, path) =>
    sql`${results.column("studentSourcedId")} = ${id} and ${ofClassLineItem(path.classSourcedId ?? "")}`,
  // A scale kept for the school, or for one of its classes.
  "schools/scoreScales": (id) =>
    sql`${scales.column("orgSourcedId")} = ${id} or exists (select 1 from ${classes} sk
      where ${sk("tenantId")} = ${scales.column("tenantId")}
        and ${sk("sourcedId")} = ${scales.column("classSourcedId")}
        and ${sk("schoolSourcedId")} = ${id})`,
};
