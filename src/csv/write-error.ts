import type { FileName } from "./catalogue.ts";

/**
 * A record the package writer refused. `line` is the line in the CSV file (the header is line 1),
 * so a caller can point at the source row.
 *
 * @example
 * new CsvWriteError("cell has a line break", { file: "users", line: 7, column: "givenName" });
 */
export class CsvWriteError extends Error {
  readonly file: FileName;
  readonly line: number;
  readonly column: string | undefined;

  constructor(
    problem: string,
    where: { file: FileName; line: number; column?: string },
    options?: ErrorOptions,
  ) {
    const column = where.column === undefined ? "" : `, column ${where.column}`;
    super(`${where.file}.csv line ${where.line}${column}: ${problem}`, options);
    this.name = "CsvWriteError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}
