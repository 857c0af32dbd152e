import type { Entity, Field } from "../../entities/index.ts";
import { ApiError } from "../../kernel/errors.ts";

/**
 * What a write accepts, judged field by field from the entity module, as liberally as LMSs
 * send it: a reference may be `{"sourcedId": …}` alone (or the bare sourcedId), a date may
 * be a full timestamp, a boolean may be JSON `true`. Whatever else does not fit the field is
 * the client's 422 naming the field.
 */

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const isRef = (value: unknown) =>
  typeof value === "string" ||
  (typeof value === "object" &&
    value !== null &&
    typeof (value as { sourcedId?: unknown }).sourcedId === "string");

/** Why a value does not fit the field, or undefined when it does. */
function misfit(field: Field, value: unknown): string | undefined {
  switch (field.kind) {
    case "text":
    case "year":
      return typeof value === "string" ? undefined : "a string";
    case "code": {
      const ok =
        typeof value === "string" &&
        (field.values.includes(value) || (field.extensible && value.startsWith("ext:")));
      return ok ? undefined : `one of ${field.values.join(", ")}`;
    }
    case "date":
    case "dayTime":
      return typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : "a date (YYYY-MM-DD) or a date-time";
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "a number";
    case "flag":
      return [true, false, "true", "false"].includes(value as string)
        ? undefined
        : '"true" or "false"';
    case "ref":
      return isRef(value) ? undefined : 'a reference such as {"sourcedId": "…"}';
    case "refs":
      return Array.isArray(value) && value.every(isRef) ? undefined : "a list of references";
    case "list":
      return Array.isArray(value) && value.every((item) => typeof item === "string")
        ? undefined
        : "a list of strings";
    case "json":
    case "nested":
    case "uri":
      return undefined;
  }
}

/**
 * The wire record of a write's body, checked against the entity's fields: an object, its
 * required fields present, each value fitting its field. Nested fields are checked by whoever
 * stores them.
 *
 * @throws ApiError 422 `invaliddata` naming the first field that does not fit.
 */
export function checkedRecord(
  entity: Entity,
  value: unknown,
  where: string,
  /** Required fields the write fills in when left out (from the path, or a line item's class). */
  filled: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(
      "unprocessable",
      `${where} must be a JSON object with the ${entity.name}'s fields.`,
    );
  }
  const record = value as Record<string, unknown>;
  for (const field of entity.fields) {
    if (!field.wire) continue;
    const given = record[field.name];
    if (given === undefined || given === null) {
      if (field.wireRequired && field.kind !== "nested" && !filled.has(field.name)) {
        throw new ApiError("unprocessable", `${where}.${field.name} is required.`);
      }
      continue;
    }
    const expected = misfit(field, given);
    if (expected !== undefined) {
      throw new ApiError(
        "unprocessable",
        `${where}.${field.name} must be ${expected}; got ${JSON.stringify(given).slice(0, 80)}.`,
      );
    }
    if (field.kind === "json" && !field.schema.safeParse(given).success) {
      throw new ApiError(
        "unprocessable",
        `${where}.${field.name} does not have the official shape.`,
      );
    }
  }
  return record;
}

/** The sourcedId a reference names, whichever way it was written. */
export const refId = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "object" && value !== null
      ? ((value as { sourcedId?: string }).sourcedId ?? undefined)
      : undefined;

/** The body as JSON; anything else is the client's 400 (the files' `default` response). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      "bad_request",
      `The body is not valid JSON (${(error as Error).message}). Send the object as application/json.`,
    );
  }
}
