import { stringify } from "csv-stringify/sync";
import type { Problem } from "./report.ts";

/** Cell starts a spreadsheet reads as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as a spreadsheet will show it, never run it: text a spreadsheet would take for a
 * formula gets a leading apostrophe. Only for files people open (the problem report); a
 * OneRoster package stays byte-exact, since its readers are programs.
 *
 * @example
 * spreadsheetSafe("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export const spreadsheetSafe = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);

const COLUMNS = ["file", "line", "column", "rule", "severity", "value", "message", "fix"] as const;

/**
 * An import's problems as a CSV a district data manager can open, sort and filter: one row per
 * problem with its file, line, column, rule, severity, the offending value and the fix.
 *
 * @example
 * const csv = problemsCsv(report.problems); // "file,line,column,rule,severity,value,message,fix\r\n…"
 */
export function problemsCsv(problems: readonly Problem[]): string {
  const rows = problems.map((problem) =>
    COLUMNS.map((key) => spreadsheetSafe(String(problem[key] ?? ""))),
  );
  return stringify([[...COLUMNS], ...rows], { record_delimiter: "windows", bom: true });
}
