import { z } from "@hono/zod-openapi";
import { STATUS_VALUES } from "../kernel/vocabulary.ts";

/**
 * Building blocks shared by every OneRoster 1.2 wire schema. The official files inline these
 * (no component of their own), so none of them is registered under a name.
 */

/** `(ext:)…` as written in the official files: unanchored, so it is matched the same way. */
// biome-ignore lint/complexity/noUselessEscapeInRegex: spelled as the official files spell it, so generated documents carry the identical pattern.
export const EXTENSION_TOKEN_PATTERN = /(ext:)[a-zA-Z0-9\.\-_]+/;

/** An enumeration that also accepts `ext:` tokens (the 1.2 extensible-vocabulary mechanism). */
export function extensibleEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string().regex(EXTENSION_TOKEN_PATTERN)]);
}

export const statusSchema = z.enum(STATUS_VALUES);
export type Status = z.infer<typeof statusSchema>;

/** OneRoster booleans travel as the strings "true" and "false", never as JSON booleans. */
export const trueFalseSchema = z.enum(["true", "false"]);
export type TrueFalse = z.infer<typeof trueFalseSchema>;

export const floatSchema = z.number().openapi({ format: "float" });

export const dateSchema = z.iso.date();

/** `format: date-time` admits any RFC 3339 offset; the gateway itself always writes `Z`. */
export const dateTimeSchema = z.iso.datetime({ offset: true });

/** Extension container; the only entity-level object whose keys are free. */
export const MetadataDType = z
  .looseObject({})
  .openapi("MetadataDType", { additionalProperties: true });
export type Metadata = z.infer<typeof MetadataDType>;

/** `sourcedId`, `status`, `dateLastModified`, `metadata`: the head of every top-level entity. */
export const baseFields = {
  sourcedId: z.string(),
  status: statusSchema,
  dateLastModified: dateTimeSchema,
  metadata: MetadataDType.optional(),
};
