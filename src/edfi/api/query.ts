import { type SQL, sql } from "drizzle-orm";
import type { IdRange } from "../read-documents.ts";
import { uuidOfResourceId } from "../read-documents.ts";
import type { ParamType } from "../resource.ts";
import { badParameter } from "./problem.ts";

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 500;

/** A collection request's paging, change window, purpose and property filters. */
export interface CollectionRequest {
  /** Offset paging, or cursor paging over an id range (`pageToken`/`pageSize`). */
  paging:
    | { kind: "offset"; offset: number; limit: number }
    | { kind: "cursor"; range: IdRange; size: number };
  totalCount: boolean;
  minChangeVersion?: number | undefined;
  maxChangeVersion?: number | undefined;
  purpose?: string | undefined;
  /** Conditions on the source row `r`, one per property parameter. */
  where: SQL[];
}

/** The parameters every collection takes, beside its properties'. */
export const PAGING_PARAMETERS = [
  "offset",
  "limit",
  "totalCount",
  "pageToken",
  "pageSize",
  "minChangeVersion",
  "maxChangeVersion",
  "purpose",
] as const;

const integerIn = (name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw badParameter(
      `The parameter ${name} must be a whole number from ${min} to ${max}; it was '${value}'.`,
    );
  }
  return Number(value);
};

const PROPERTY_FORMATS: Record<ParamType, { test: (value: string) => boolean; expected: string }> =
  {
    string: {
      test: (value) => !value.includes("\u0000") && value.length <= 255,
      expected: "text of at most 255 characters",
    },
    integer: { test: (value) => /^-?\d{1,15}$/.test(value), expected: "a whole number" },
    date: {
      test: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
      expected: "a date as YYYY-MM-DD",
    },
    boolean: { test: (value) => value === "true" || value === "false", expected: "true or false" },
  };

const propertyValue = (type: ParamType, value: string) =>
  type === "integer" ? Number(value) : type === "boolean" ? value === "true" : value;

/** A cursor: the id range still to read, as an opaque token. */
export const encodePageToken = (range: IdRange) =>
  Buffer.from(JSON.stringify(range)).toString("base64url");

function decodePageToken(token: string): IdRange {
  try {
    const range = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as IdRange;
    const valid = (id: unknown) =>
      id === undefined || (typeof id === "string" && uuidOfResourceId(id) === id);
    if (typeof range === "object" && range !== null && valid(range.after) && valid(range.until)) {
      return { after: range.after, until: range.until };
    }
  } catch {
    // reported below
  }
  throw badParameter(
    "The pageToken is not one this API issued: use a Next-Page-Token header or a token from /partitions, unchanged.",
  );
}

/**
 * Validates a collection request's query string against the resource's parameters: an
 * unknown or repeated parameter, or a value of the wrong type, is a 400 that names it.
 */
export function parseCollectionRequest(
  query: URLSearchParams,
  properties: Readonly<Record<string, ParamType>>,
): CollectionRequest {
  const known = new Set<string>([...PAGING_PARAMETERS, ...Object.keys(properties)]);
  const values = new Map<string, string>();
  for (const [name, value] of query) {
    if (!known.has(name)) {
      throw badParameter(
        `The query parameter '${name}' is not supported here. Use one of: ${[...known].join(", ")}.`,
      );
    }
    if (values.has(name))
      throw badParameter(`The query parameter '${name}' is given more than once.`);
    values.set(name, value);
  }
  const where = Object.entries(properties).flatMap(([name, type]) => {
    const value = values.get(name);
    if (value === undefined) return [];
    if (!PROPERTY_FORMATS[type].test(value)) {
      throw badParameter(
        `The parameter ${name} must be ${PROPERTY_FORMATS[type].expected}; it was '${value}'.`,
      );
    }
    return [sql`r.${sql.identifier(name)} = ${propertyValue(type, value)}`];
  });
  const totalCount = values.get("totalCount");
  if (totalCount !== undefined && totalCount !== "true" && totalCount !== "false") {
    throw badParameter(`The parameter totalCount must be true or false; it was '${totalCount}'.`);
  }
  const version = (name: string) => {
    const value = values.get(name);
    return value === undefined ? undefined : integerIn(name, value, 0);
  };
  const cursor = values.has("pageToken") || values.has("pageSize");
  if (cursor && (values.has("offset") || values.has("limit"))) {
    throw badParameter("Use either offset/limit or pageToken/pageSize, not both.");
  }
  if (cursor && totalCount === "true") {
    throw badParameter(
      "totalCount is not supported with cursor paging: ask ?totalCount=true&limit=0 instead.",
    );
  }
  const pageToken = values.get("pageToken");
  const size = values.get("pageSize");
  return {
    paging: cursor
      ? {
          kind: "cursor",
          range: pageToken === undefined ? {} : decodePageToken(pageToken),
          size: size === undefined ? DEFAULT_LIMIT : integerIn("pageSize", size, 1, MAX_LIMIT),
        }
      : {
          kind: "offset",
          offset: values.has("offset") ? integerIn("offset", values.get("offset") as string, 0) : 0,
          limit: values.has("limit")
            ? integerIn("limit", values.get("limit") as string, 0, MAX_LIMIT)
            : DEFAULT_LIMIT,
        },
    totalCount: totalCount === "true",
    minChangeVersion: version("minChangeVersion"),
    maxChangeVersion: version("maxChangeVersion"),
    purpose: values.get("purpose"),
    where,
  };
}
