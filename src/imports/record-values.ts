import type { CsvRecord, CsvValue, ScoreScaleValueItem, UserIdValue } from "../csv/record.ts";

type Values = CsvRecord["values"];

/** Typed readers of a record's cells; blank cells are absent and read as null. */
export const text = (v: Values, key: string): string | null => {
  const value = v[key];
  return typeof value === "string" && value !== "" ? value : null;
};

export const required = (v: Values, key: string): string => {
  const value = text(v, key);
  if (value === null) throw new Error(`Column ${key} is required`);
  return value;
};

export const bool = (v: Values, key: string): boolean | null => {
  const value = v[key];
  return typeof value === "boolean" ? value : null;
};

export const num = (v: Values, key: string): number | null => {
  const value = v[key];
  return typeof value === "number" ? value : null;
};

export const list = (v: Values, key: string): string[] | null => {
  const value: CsvValue | undefined = v[key];
  return Array.isArray(value) && value.length > 0 ? (value as string[]).slice() : null;
};

export const userIds = (v: Values): UserIdValue[] | null => {
  const value = v.userIds;
  return Array.isArray(value) && value.length > 0 ? (value as UserIdValue[]).slice() : null;
};

export const scoreScaleValues = (v: Values): ScoreScaleValueItem[] =>
  Array.isArray(v.scoreScaleValue) ? (v.scoreScaleValue as ScoreScaleValueItem[]).slice() : [];

/** A CSV Date as the start of that day in UTC, for the REST date-time fields it feeds. */
export const dayStart = (v: Values, key: string): Date | null => {
  const value = text(v, key);
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
};

/** A Year cell (a number once parsed) as the `YYYY` text the table keeps. */
export const year = (v: Values, key: string): string => {
  const value = num(v, key);
  if (value === null) throw new Error(`Column ${key} is required`);
  return String(value);
};
