import { describe, expect, it } from "vitest";
import { formatCsvLine } from "../../../src/csv/format-line.ts";

describe("formatCsvLine", () => {
  it("leaves plain cells bare and blank cells empty", () => {
    expect(formatCsvLine(["stu-1", "", "Jo", "2026-01-05"])).toBe("stu-1,,Jo,2026-01-05");
  });

  it("quotes a cell with a comma or a quote and doubles its quotes", () => {
    expect(formatCsvLine(["Smith, Jr.", 'Jo "JJ"', "09,10"])).toBe(
      '"Smith, Jr.","Jo ""JJ""","09,10"',
    );
  });
});
