import type { FileName } from "./csv-columns.ts";

/** `{type:identifier}` items of `users.userIds`. */
export interface UserIdValue {
  type: string;
  identifier: string;
}

/** `{lhs:rhs}` items of `scoreScales.scoreScaleValue`. */
export interface ScoreScaleValueItem {
  itemValueLHS: string;
  itemValueRHS: string;
}

/**
 * A cell after parsing. Years and floats are numbers. Dates stay `YYYY-MM-DD` strings and date-times ISO strings
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`) so no time zone is ever applied; blank optional cells are absent.
 */
export type CsvValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly UserIdValue[]
  | readonly ScoreScaleValueItem[];

/**
 * One data row of a OneRoster CSV file in typed form: the reader produces it, the writer and
 * the loader consume it. Keys of `values` are the binding's column names.
 */
export interface CsvRecord {
  file: FileName;
  values: Record<string, CsvValue | undefined>;
  /** `metadata.*` extension columns, keyed without the `metadata.` prefix. */
  metadata: Record<string, string>;
}
