import type { CsvValue, ScoreScaleValueItem, UserIdValue } from "../entities/csv-record.ts";
import type { ColumnFormat } from "./catalogue.ts";
import type { RuleCode } from "./rules.ts";

/** Why a cell was refused or what was tolerated in it. */
export interface CellNote {
  rule: RuleCode;
  message: string;
  fix?: string;
}

export type Parsed =
  | { ok: true; value: CsvValue; warning?: CellNote }
  | { ok: false; error: CellNote };

const GUID = /^[0-9A-Za-z./@_-]{1,255}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXACT_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LOOSE_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
const SLASHED_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;
const YEAR = /^\d{4}$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EXTENSION = /^ext:[a-zA-Z0-9.\-_]+$/;
const BRACED_ITEM = /^\{([^,{}:]+):([^,{}]+)\}$/;
const LEARNING_OBJECTIVE_SOURCES = ["case", "unknown"];
const CUSTOM_LEARNING_OBJECTIVE_SOURCE = /^\/[a-z0-9]+$/;

const ok = (value: CsvValue, warning?: CellNote): Parsed =>
  warning === undefined ? { ok: true, value } : { ok: true, value, warning };
const fail = (rule: RuleCode, message: string, fix?: string): Parsed => ({
  ok: false,
  error: fix === undefined ? { rule, message } : { rule, message, fix },
});

/**
 * Parses one non-blank, already trimmed cell into its typed value per the binding's primitive
 * formats. Tolerates only what has a single possible meaning (upper-case booleans, enum values in
 * the wrong case, spaces in lists, date-times that are exact but not in the `.sssZ` form), each
 * with a warning; anything ambiguous, such as `1/05/2023`, is an error.
 *
 * @example
 * parseCell("TRUE", { kind: "boolean" }); // { ok: true, value: true, warning: { rule: "cell.boolean_case", … } }
 * parseCell("1/05/2023", { kind: "date" }).ok; // false
 * parseCell("{LDAP:12},{LTI:15}", { kind: "userIds" }); // value [{ type: "LDAP", identifier: "12" }, …]
 */
export function parseCell(text: string, format: ColumnFormat): Parsed {
  switch (format.kind) {
    case "string":
      return ok(text);
    case "guid":
      return parseGuid(text);
    case "guidList":
    case "list":
      return parseList(text, format.kind === "guidList");
    case "date":
      return parseDate(text);
    case "datetime":
      return parseDateTime(text);
    case "year":
      return YEAR.test(text)
        ? ok(Number(text))
        : fail("cell.invalid_year", `"${text}" is not a four-digit year.`);
    case "float":
      return FLOAT.test(text)
        ? ok(Number(text))
        : fail("cell.invalid_float", `"${text}" is not a number.`);
    case "boolean":
      return parseBoolean(text);
    case "enum":
      return parseEnum(text, format.values, format.extensible);
    case "learningObjectiveSource":
      return CUSTOM_LEARNING_OBJECTIVE_SOURCE.test(text)
        ? ok(text)
        : parseEnum(text, LEARNING_OBJECTIVE_SOURCES, true);
    case "userIds":
      return parseBraced(
        text,
        "cell.invalid_user_ids",
        "{type:identifier}",
        (type, identifier): UserIdValue => ({ type, identifier }),
      );
    case "scoreScaleValue":
      return parseBraced(
        text,
        "cell.invalid_score_scale_value",
        "{value:meaning}",
        (itemValueLHS, itemValueRHS): ScoreScaleValueItem => ({ itemValueLHS, itemValueRHS }),
      );
  }
}

function parseGuid(text: string): Parsed {
  if (GUID.test(text)) return ok(text);
  if (text.length > 255)
    return fail(
      "cell.invalid_guid",
      `The identifier is ${text.length} characters long; 255 at most.`,
    );
  const bad = [...new Set(text.replace(/[0-9A-Za-z./@_-]/g, ""))].map((c) => JSON.stringify(c));
  return fail(
    "cell.invalid_guid",
    `"${text}" contains ${bad.join(", ")}, not allowed in an identifier.`,
  );
}

function parseList(text: string, guids: boolean): Parsed {
  const raw = text.split(",");
  const items = raw.map((item) => item.trim());
  if (items.some((item) => item === "")) {
    return fail("cell.empty_list_item", `"${text}" has an empty item between commas.`);
  }
  if (guids) {
    for (const item of items) {
      const parsed = parseGuid(item);
      if (!parsed.ok) return parsed;
    }
  }
  const spaced = items.some((item, i) => item !== raw[i]);
  return ok(
    items,
    spaced
      ? { rule: "cell.list_spaces", message: `The spaces after commas in "${text}" were removed.` }
      : undefined,
  );
}

function parseDate(text: string): Parsed {
  const match = DATE.exec(text);
  if (match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return ok(text);
  }
  if (match !== null) return fail("cell.invalid_date", `${text} is not a day of the calendar.`);
  return fail("cell.invalid_date", `"${text}" is not a YYYY-MM-DD date.${ambiguity(text)}`);
}

function parseDateTime(text: string): Parsed {
  const match = LOOSE_DATETIME.exec(text);
  const [, y, mo, d, h, mi, s, zone, zh, zm] = match ?? [];
  const valid =
    match !== null &&
    isCalendarDate(Number(y), Number(mo), Number(d)) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    (zone === "Z" || (Number(zh) <= 23 && Number(zm) <= 59));
  if (!valid) {
    return fail("cell.invalid_datetime", `"${text}" is not a UTC date-time.${ambiguity(text)}`);
  }
  if (EXACT_DATETIME.test(text)) return ok(text);
  const utc = new Date(text).toISOString();
  return ok(utc, {
    rule: "cell.datetime_format",
    message: `"${text}" was read as ${utc}.`,
  });
}

function ambiguity(text: string): string {
  return SLASHED_DATE.test(text)
    ? " Day and month cannot be told apart in this form (1/05/2023 is 5 January or 1 May)."
    : "";
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

function parseBoolean(text: string): Parsed {
  if (text === "true" || text === "false") return ok(text === "true");
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "false") {
    return ok(lower === "true", {
      rule: "cell.boolean_case",
      message: `"${text}" was read as ${lower}.`,
    });
  }
  return fail("cell.invalid_boolean", `"${text}" is not true or false.`);
}

function parseEnum(text: string, values: readonly string[], extensible: boolean): Parsed {
  if (values.includes(text)) return ok(text);
  if (extensible && EXTENSION.test(text)) return ok(text);
  const same = values.filter((value) => value.toLowerCase() === text.toLowerCase());
  const [only] = same;
  if (same.length === 1 && only !== undefined) {
    return ok(only, {
      rule: "cell.enum_case",
      message: `"${text}" was read as ${only}.`,
      fix: `Write ${only}.`,
    });
  }
  const allowed = `${values.join(", ")}${extensible ? ", or ext:<token> for a local value" : ""}`;
  const prefix = text.startsWith("ext:") && !extensible ? " This list cannot be extended." : "";
  return fail("cell.invalid_enum", `"${text}" is not one of: ${allowed}.${prefix}`);
}

function parseBraced<T extends UserIdValue | ScoreScaleValueItem>(
  text: string,
  rule: RuleCode,
  shape: string,
  make: (left: string, right: string) => T,
): Parsed {
  const raw = text.split(",");
  const items: T[] = [];
  for (const item of raw) {
    const match = BRACED_ITEM.exec(item.trim());
    if (match === null || match[1] === undefined || match[2] === undefined) {
      return fail(rule, `"${item.trim()}" is not written ${shape}.`);
    }
    items.push(make(match[1], match[2]));
  }
  const spaced = raw.some((item) => item !== item.trim());
  return ok(
    items as readonly UserIdValue[] | readonly ScoreScaleValueItem[],
    spaced
      ? { rule: "cell.list_spaces", message: `The spaces after commas in "${text}" were removed.` }
      : undefined,
  );
}
