import type { CsvValue, ScoreScaleValueItem, UserIdValue } from "../entities/csv-record.ts";
import type { ColumnFormat } from "./catalogue.ts";

const EXACT_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Turns a typed cell into the text the CSV binding expects for its column. Throws when the value
 * cannot be written faithfully (a line break, a list item that would split, a non-finite number,
 * an unparseable date-time), because the file would otherwise read back differently.
 *
 * @example
 * formatCell(["09", "10"], { kind: "list" }); // "09,10"
 * formatCell([{ type: "LDAP", identifier: "12" }], { kind: "userIds" }); // "{LDAP:12}"
 * formatCell(true, { kind: "boolean" }); // "true"
 * formatCell(1e21, { kind: "float" }); // "1000000000000000000000"
 */
export function formatCell(value: CsvValue | undefined, format: ColumnFormat): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    assertSingleLine(value);
    return format.kind === "datetime" ? formatDateTime(value) : value;
  }
  if (format.kind === "userIds") return (value as readonly UserIdValue[]).map(userIdItem).join(",");
  if (format.kind === "scoreScaleValue") {
    return (value as readonly ScoreScaleValueItem[]).map(scoreScaleItem).join(",");
  }
  return (value as readonly string[]).map(listItem).join(",");
}

/**
 * Writes a number in plain base-10, expanding the exponent form JavaScript uses for very large
 * and very small magnitudes, since integer columns and some readers reject `1e+21`.
 *
 * @example
 * formatNumber(1.5e-7); // "0.00000015"
 * formatNumber(-2.5e22); // "-25000000000000000000000"
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const sign = text.startsWith("-") ? "-" : "";
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function formatDateTime(value: string): string {
  if (EXACT_DATETIME.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`"${value}" is not a date-time`);
  return new Date(time).toISOString();
}

function assertSingleLine(value: string): void {
  if (value.includes("\n") || value.includes("\r")) {
    throw new Error("line breaks are not allowed inside a OneRoster CSV field");
  }
}

function assertFree(value: string, forbidden: string, what: string): string {
  assertSingleLine(value);
  for (const char of forbidden) {
    if (value.includes(char)) throw new Error(`${what} "${value}" contains "${char}"`);
  }
  return value;
}

function listItem(item: string): string {
  return assertFree(item, ",", "list item");
}

function userIdItem(item: UserIdValue): string {
  return `{${assertFree(item.type, ",{}:", "userIds type")}:${assertFree(item.identifier, ",{}", "userIds identifier")}}`;
}

function scoreScaleItem(item: ScoreScaleValueItem): string {
  return `{${assertFree(item.itemValueLHS, ",{}:", "scoreScaleValue left side")}:${assertFree(item.itemValueRHS, ",{}", "scoreScaleValue right side")}}`;
}
