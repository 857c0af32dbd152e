import type { GuidRefType } from "./guid-refs.ts";

/**
 * How one wire field of an entity is stored: the column it lives in and how it travels.
 * A read model is declared as an ordered table of these; the select list, the filter and sort
 * fields and the row-to-wire mapping all follow from it.
 */
export type FieldSpec =
  /**
   * Text; `code` ones are vocabulary tokens; `required` ones are sent as "" when empty;
   * `secret` ones are served but never filtered or sorted on (no guessing a password).
   */
  | { type: "text"; column: string; code?: boolean; required?: boolean; secret?: boolean }
  /** A `date` column, sent as YYYY-MM-DD. */
  | { type: "date"; column: string }
  /** A boolean column, sent as the strings "true" / "false". */
  | { type: "flag"; column: string }
  /** A `text[]` column (grades, subjects), sent as an array. */
  | { type: "list"; column: string }
  /** A jsonb value sent as stored (userIds). Not filterable. */
  | { type: "json"; column: string }
  /** A sourcedId column sent as a GUIDRef; filterable as `<name>.sourcedId`. */
  | { type: "ref"; column: string; to: GuidRefType }
  /** A `text[]` of sourcedIds sent as GUIDRefs in order; `<name>.sourcedId` means "contains". */
  | { type: "refs"; column: string; to: GuidRefType };

export const text = (column: string): FieldSpec => ({ type: "text", column });
export const requiredText = (column: string): FieldSpec => ({
  type: "text",
  column,
  required: true,
});
export const secret = (column: string): FieldSpec => ({ type: "text", column, secret: true });
export const code = (column: string): FieldSpec => ({ type: "text", column, code: true });
export const date = (column: string): FieldSpec => ({ type: "date", column });
export const flag = (column: string): FieldSpec => ({ type: "flag", column });
export const list = (column: string): FieldSpec => ({ type: "list", column });
export const json = (column: string): FieldSpec => ({ type: "json", column });
export const ref = (to: GuidRefType, column: string): FieldSpec => ({ type: "ref", column, to });
export const refs = (to: GuidRefType, column: string): FieldSpec => ({ type: "refs", column, to });
