import type { FileName } from "../csv/index.ts";
import type { CsvRecord } from "../entities/csv-record.ts";

const NO_METADATA: Record<string, string> = Object.freeze({});

/**
 * A record of the synthetic district; most carry no extension columns.
 *
 * @example
 * row("categories", { sourcedId: "cat-quiz", title: "Quizzes", weight: 20 });
 */
export function row(
  file: FileName,
  values: CsvRecord["values"],
  metadata: Record<string, string> = NO_METADATA,
): CsvRecord {
  return { file, values, metadata };
}
