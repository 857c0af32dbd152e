import { echo, QueryError } from "./query-error.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Checks a `YYYY-MM-DD` value for a date field, calendar included.
 *
 * @example
 * dateValue("2024-02-29", "birthDate") // "2024-02-29"
 */
export function dateValue(value: string, field: string): string {
  const [, year, month, day] = DATE.exec(value) ?? [];
  if (!isCalendarDate(year, month, day)) {
    invalid(value, field, "a date", "YYYY-MM-DD, e.g. '2024-01-31'");
  }
  return value;
}

/**
 * Checks an ISO 8601 date-time with a time zone for a datetime field. A bare date is also
 * accepted and means midnight UTC at its start, so `dateLastModified>'2024-01-31'` includes
 * changes made on the 31st and a delta sync never misses records.
 *
 * @example
 * dateTimeValue("2024-01-31", "dateLastModified") // "2024-01-31T00:00:00Z"
 */
export function dateTimeValue(value: string, field: string): string {
  if (DATE.test(value)) return `${dateValue(value, field)}T00:00:00Z`;
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] =
    DATE_TIME.exec(value) ?? [];
  const valid =
    isCalendarDate(year, month, day) &&
    inRange(hour, 0, 23) &&
    inRange(minute, 0, 59) &&
    inRange(second ?? "0", 0, 59) &&
    inRange(offsetHour ?? "0", 0, 14) &&
    inRange(offsetMinute ?? "0", 0, 59);
  if (!valid) {
    invalid(
      value,
      field,
      "a date-time",
      "ISO 8601 with a time zone, e.g. '2024-01-31T08:00:00Z', or a date such as '2024-01-31'",
    );
  }
  return value;
}

/**
 * Checks a decimal number such as `80` or `-2.5` for a number field.
 *
 * @example
 * numberValue("2.5", "score") // "2.5"
 */
export function numberValue(value: string, field: string): string {
  if (!NUMBER.test(value)) {
    invalid(value, field, "a number", "digits with an optional '.', e.g. '80' or '2.5'");
  }
  return value;
}

/**
 * Checks `true` / `false` for a boolean field.
 *
 * @example
 * booleanValue("true", "enabledUser") // "true"
 */
export function booleanValue(value: string, field: string): string {
  if (value !== "true" && value !== "false") {
    invalid(value, field, "a boolean", "'true' or 'false'");
  }
  return value;
}

/**
 * The LIKE pattern for "contains": `%`, `_` and `\` in the value match themselves.
 *
 * @example
 * containsPattern("50%_off") // "%50\\%\\_off%"
 */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, "\\$&")}%`;
}

function isCalendarDate(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): boolean {
  // Postgres has no year 0, so '0000-…' would fail in the database instead of here.
  if (!inRange(year, 1, 9999) || !inRange(month, 1, 12)) return false;
  return inRange(day, 1, daysInMonth(Number(year), Number(month)));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function inRange(digits: string | undefined, min: number, max: number): boolean {
  const value = Number(digits);
  return digits !== undefined && value >= min && value <= max;
}

function invalid(value: string, field: string, what: string, format: string): never {
  throw new QueryError(
    "invalid_filter_field",
    `${field} is ${what}, and ${echo(value)} is not one. Write it as ${format}.`,
  );
}
