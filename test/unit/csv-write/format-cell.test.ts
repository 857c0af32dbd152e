import { describe, expect, it } from "vitest";
import { formatCell, formatNumber } from "../../../src/csv/format-cell.ts";

describe("formatCell", () => {
  it("joins lists with commas", () => {
    expect(formatCell(["09", "10", "11"], { kind: "list" })).toBe("09,10,11");
    expect(formatCell(["as-1", "as-2"], { kind: "guidList" })).toBe("as-1,as-2");
    expect(formatCell([], { kind: "list" })).toBe("");
  });

  it("writes userIds as {type:identifier} items", () => {
    const ids = [
      { type: "LDAP", identifier: "12" },
      { type: "LTI", identifier: "15" },
    ];
    expect(formatCell(ids, { kind: "userIds" })).toBe("{LDAP:12},{LTI:15}");
  });

  it("writes score scale values as {lhs:rhs} items", () => {
    const scale = [
      { itemValueLHS: "A", itemValueRHS: "90" },
      { itemValueLHS: "B", itemValueRHS: "80" },
    ];
    expect(formatCell(scale, { kind: "scoreScaleValue" })).toBe("{A:90},{B:80}");
  });

  it("writes booleans in lower case", () => {
    expect(formatCell(true, { kind: "boolean" })).toBe("true");
    expect(formatCell(false, { kind: "boolean" })).toBe("false");
  });

  it("leaves an absent value blank", () => {
    expect(formatCell(undefined, { kind: "string" })).toBe("");
  });

  it("writes date-times with milliseconds and Z", () => {
    expect(formatCell("2026-03-01T10:00:00Z", { kind: "datetime" })).toBe(
      "2026-03-01T10:00:00.000Z",
    );
    expect(formatCell("2026-03-01T10:00:00.123Z", { kind: "datetime" })).toBe(
      "2026-03-01T10:00:00.123Z",
    );
    expect(() => formatCell("yesterday", { kind: "datetime" })).toThrow(/not a date-time/);
  });

  it("refuses values that would not read back the same", () => {
    expect(() => formatCell("two\nlines", { kind: "string" })).toThrow(/line breaks/);
    expect(() => formatCell(["Science, Technology"], { kind: "list" })).toThrow(/contains ","/);
    expect(() => formatCell([{ type: "SIS:1", identifier: "x" }], { kind: "userIds" })).toThrow(
      /contains ":"/,
    );
  });
});

describe("formatNumber", () => {
  it("writes numbers in plain base-10 without an exponent", () => {
    expect(formatNumber(42)).toBe("42");
    expect(formatNumber(-87.5)).toBe("-87.5");
    expect(formatNumber(1e21)).toBe("1000000000000000000000");
    expect(formatNumber(-2.5e22)).toBe("-25000000000000000000000");
    expect(formatNumber(1.5e-7)).toBe("0.00000015");
    expect(formatNumber(-1e-7)).toBe("-0.0000001");
  });

  it("refuses numbers that have no decimal form", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/finite/);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});
