import { z } from "@hono/zod-openapi";
import { asDate, asDateTime } from "./csv-cells.ts";
import type { Field, WireLinks } from "./field.ts";
import { GUID_REF_SCHEMAS } from "./guid-refs.ts";
import {
  dateSchema,
  dateTimeSchema,
  extensibleEnum,
  floatSchema,
  trueFalseSchema,
} from "./wire-primitives.ts";

/** How each kind of field travels in REST JSON: its schema and its conversions. */

export function wireType(field: Field): z.ZodType {
  switch (field.kind) {
    case "text":
    case "year":
      return z.string();
    case "code":
      return field.extensible ? extensibleEnum(field.values) : z.enum(field.values);
    case "date":
      return dateSchema;
    case "dayTime":
      return dateTimeSchema;
    case "float":
      return floatSchema;
    case "flag":
      return trueFalseSchema;
    case "list":
      return z.array(field.items ?? z.string());
    case "ref":
      return GUID_REF_SCHEMAS[field.to];
    case "refs": {
      const refs = z.array(GUID_REF_SCHEMAS[field.to]);
      return field.wireRequired ? refs.min(1) : refs;
    }
    case "uri":
      return z.url();
    case "json":
    case "nested":
      return field.schema;
  }
}

/** A stored value as its wire form; null and undefined stay absent. */
export function toWireValue(field: Field, value: unknown, links: WireLinks): unknown {
  if (value === null || value === undefined) {
    if (field.kind === "flag" && field.alwaysSent) return "false";
    return field.kind === "text" && field.wireRequired ? "" : undefined;
  }
  switch (field.kind) {
    case "date":
      return asDate(value);
    case "dayTime":
      return asDateTime(value);
    case "flag":
      return String(value);
    case "ref":
      return links.ref(field.to, String(value));
    case "refs":
      return (value as string[]).map((id) => links.ref(field.to, id));
    case "uri":
      return field.toUri(String(value));
    case "json":
      return Array.isArray(value) && value.length === 0 ? undefined : value;
    default:
      return value;
  }
}

const sourcedIdOf = (value: unknown): string | null =>
  typeof value === "string"
    ? value
    : typeof value === "object" && value !== null && "sourcedId" in value
      ? String((value as { sourcedId: unknown }).sourcedId)
      : null;

/** A wire value as the stored value; absent is null. */
export function fromWireValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case "date":
      return String(value).slice(0, 10);
    case "dayTime":
      return new Date(String(value));
    case "flag":
      return value === true || value === "true";
    case "ref":
      return sourcedIdOf(value);
    case "refs":
      return (value as unknown[]).map(sourcedIdOf);
    case "uri":
      return field.fromUri(String(value));
    default:
      return value;
  }
}
