import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ColumnFormat } from "../../../src/csv/catalogue.ts";
import { parseCell } from "../../../src/csv/primitives.ts";

const value = (text: string, format: ColumnFormat) => {
  const parsed = parseCell(text, format);
  return parsed.ok ? parsed.value : `refused: ${parsed.error.rule}`;
};
const warningOf = (text: string, format: ColumnFormat) => {
  const parsed = parseCell(text, format);
  return parsed.ok ? parsed.warning?.rule : undefined;
};

const GUID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./@_-".split("");

describe("identifiers (sourcedIds)", () => {
  it("accept any 1 to 255 letters, digits and . / @ _ -", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...GUID_CHARS), { minLength: 1, maxLength: 255 }),
        (chars) => {
          const id = chars.join("");
          expect(value(id, { kind: "guid" })).toBe(id);
        },
      ),
    );
  });

  it("refuse any other character, naming it", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !GUID_CHARS.includes(c)),
        (bad) => {
          const parsed = parseCell(`id${bad}1`, { kind: "guid" });
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.error.message).toContain(JSON.stringify(bad));
        },
      ),
    );
  });

  it("refuse one longer than 255 characters", () => {
    expect(value("a".repeat(256), { kind: "guid" })).toBe("refused: cell.invalid_guid");
  });
});

describe("dates", () => {
  it("accept every real day written YYYY-MM-DD, unchanged", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (day) => {
          const text = day.toISOString().slice(0, 10);
          expect(value(text, { kind: "date" })).toBe(text);
        },
      ),
    );
  });

  it("refuse days the calendar does not have", () => {
    expect(value("2023-02-29", { kind: "date" })).toBe("refused: cell.invalid_date");
    expect(value("2024-02-29", { kind: "date" })).toBe("2024-02-29");
    expect(value("2024-04-31", { kind: "date" })).toBe("refused: cell.invalid_date");
  });

  it("refuse day/month forms instead of guessing", () => {
    for (const text of ["1/05/2023", "05/01/2023", "1.5.2023", "2023/05/01"]) {
      expect(value(text, { kind: "date" })).toBe("refused: cell.invalid_date");
    }
  });
});

describe("date-times", () => {
  it("accept the exact UTC form unchanged", () => {
    expect(value("2023-05-01T18:25:43.511Z", { kind: "datetime" })).toBe(
      "2023-05-01T18:25:43.511Z",
    );
  });

  it("read exact instants in other ISO forms as UTC milliseconds, with a warning", () => {
    expect(value("2023-05-01T18:25:43Z", { kind: "datetime" })).toBe("2023-05-01T18:25:43.000Z");
    expect(value("2023-05-01T20:25:43.5+02:00", { kind: "datetime" })).toBe(
      "2023-05-01T18:25:43.500Z",
    );
    expect(warningOf("2023-05-01T18:25:43Z", { kind: "datetime" })).toBe("cell.datetime_format");
  });

  it("refuse a date alone, a missing time zone, or an impossible time", () => {
    for (const text of [
      "2023-05-01",
      "2023-05-01T18:25:43",
      "2023-05-01 18:25:43Z",
      "2023-05-01T24:00:00.000Z",
    ]) {
      expect(value(text, { kind: "datetime" })).toBe("refused: cell.invalid_datetime");
    }
  });
});

describe("numbers, years and booleans", () => {
  it("read floats written with a dot, with or without an exponent", () => {
    expect(value("12.5", { kind: "float" })).toBe(12.5);
    expect(value("-3", { kind: "float" })).toBe(-3);
    expect(value("1e3", { kind: "float" })).toBe(1000);
    for (const text of ["3,5", "NaN", "Infinity", "12 pts", "0x10"]) {
      expect(value(text, { kind: "float" })).toBe("refused: cell.invalid_float");
    }
  });

  it("read four-digit years as numbers", () => {
    expect(value("2025", { kind: "year" })).toBe(2025);
    expect(value("25", { kind: "year" })).toBe("refused: cell.invalid_year");
  });

  it("read true/false, tolerate other capitals, refuse yes/no and 1/0", () => {
    expect(value("true", { kind: "boolean" })).toBe(true);
    expect(value("FALSE", { kind: "boolean" })).toBe(false);
    expect(warningOf("True", { kind: "boolean" })).toBe("cell.boolean_case");
    for (const text of ["yes", "1", "0", "Y"]) {
      expect(value(text, { kind: "boolean" })).toBe("refused: cell.invalid_boolean");
    }
  });
});

describe("enumerations", () => {
  const classType: ColumnFormat = {
    kind: "enum",
    values: ["homeroom", "scheduled"],
    extensible: true,
  };
  const roleType: ColumnFormat = {
    kind: "enum",
    values: ["primary", "secondary"],
    extensible: false,
  };

  it("accept ext: values only where the vocabulary is extensible", () => {
    expect(value("ext:lab", classType)).toBe("ext:lab");
    expect(value("ext:backup", roleType)).toBe("refused: cell.invalid_enum");
    expect(value("ext:", classType)).toBe("refused: cell.invalid_enum");
  });

  it("read a value in other capitals as the one it can only mean, with a warning", () => {
    expect(value("Scheduled", classType)).toBe("scheduled");
    expect(warningOf("HOMEROOM", classType)).toBe("cell.enum_case");
  });

  it("accept case, unknown and custom learning-objective sources", () => {
    for (const text of ["case", "unknown", "ext:state", "/district1"]) {
      expect(value(text, { kind: "learningObjectiveSource" })).toBe(text);
    }
  });
});

describe("lists", () => {
  it("split on commas and trim spaces after them, with a warning", () => {
    expect(value("09,10", { kind: "list" })).toEqual(["09", "10"]);
    expect(value("Science, Physics", { kind: "list" })).toEqual(["Science", "Physics"]);
    expect(warningOf("Science, Physics", { kind: "list" })).toBe("cell.list_spaces");
  });

  it("refuse empty items and identifiers that are not identifiers", () => {
    expect(value("09,,10", { kind: "list" })).toBe("refused: cell.empty_list_item");
    expect(value("term-1,term 2", { kind: "guidList" })).toBe("refused: cell.invalid_guid");
  });

  it("read {type:identifier} user ids and {value:meaning} score scales", () => {
    expect(value("{LDAP:12},{LTI:15}", { kind: "userIds" })).toEqual([
      { type: "LDAP", identifier: "12" },
      { type: "LTI", identifier: "15" },
    ]);
    expect(value("{A:90-100}", { kind: "scoreScaleValue" })).toEqual([
      { itemValueLHS: "A", itemValueRHS: "90-100" },
    ]);
    for (const text of ["LDAP:12", "{LDAP}", "{:12}", "{LDAP:}", "{LDAP:12"]) {
      expect(value(text, { kind: "userIds" })).toBe("refused: cell.invalid_user_ids");
    }
  });
});
