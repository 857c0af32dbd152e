import { pipeline, type Readable, Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { EntryReadError } from "./package-limits.ts";
import { addProblem, type ProblemInput, type ReportCollector } from "./report.ts";

/** One physical record of a CSV file, before any column is known. */
export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvRowStream {
  rows: AsyncIterable<CsvRow>;
  /** True once reading stopped early on an error already reported (the file is incomplete). */
  readonly aborted: boolean;
}

/** A row far beyond any real one means an unclosed quote is swallowing the file. */
const MAX_RECORD_CHARACTERS = 1024 ** 2;

class EncodingError extends Error {}

/**
 * Splits a file into records with csv-parse, streaming. Tolerates a UTF-8 byte-order mark (one
 * warning), CRLF or LF endings and empty lines (skipped with a warning); stops at the first
 * broken quote, a UTF-16 file or a limit crossed, reporting it with its line.
 * Bare CRs and line breaks inside quoted cells come through in the cells: the caller reports them
 * against their column.
 *
 * @example
 * const { rows } = readCsvRows(stream, "users.csv", collector);
 * for await (const { line, cells } of rows) console.log(line, cells.length);
 */
export function readCsvRows(
  stream: Readable,
  file: string,
  collector: ReportCollector,
): CsvRowStream {
  const state = { aborted: false };
  const bom = createBomSniffer(() =>
    addProblem(collector, {
      file,
      line: 1,
      rule: "csv.bom",
      message: `${file} starts with a UTF-8 byte-order mark; it was ignored.`,
    }),
  );
  const parser = parse({
    info: true,
    relax_column_count: true,
    // Fixed delimiters keep a lone CR inside its cell, where it is reported, instead of
    // letting auto-detection silently read an old Mac file.
    record_delimiter: ["\r\n", "\n"],
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  // Errors surface through the parser's iterator below, with their cause.
  pipeline(stream, bom, parser, () => {});

  async function* rows(): AsyncGenerator<CsvRow> {
    let previousEnd = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        const line = previousEnd + 1;
        previousEnd = info.lines;
        if (record.every((cell) => cell === "")) {
          addProblem(collector, {
            file,
            line,
            rule: "row.blank",
            message: `Line ${line} is empty and was skipped.`,
          });
          continue;
        }
        yield { line, cells: record };
      }
    } catch (reason) {
      state.aborted = true;
      addProblem(collector, readFailure(file, reason, previousEnd + 1));
    } finally {
      parser.destroy();
      stream.destroy();
    }
  }

  return {
    rows: rows(),
    get aborted() {
      return state.aborted;
    },
  };
}

/**
 * Compares a row's width with its header's. Extra cells that are all blank (a spreadsheet's
 * trailing commas) carry nothing and are only a warning; missing or filled extra cells are errors.
 *
 * @example
 * widthProblem(["a", "b", ""], 2, 7)?.rule; // "row.trailing_blank_cells"
 */
export function widthProblem(
  cells: readonly string[],
  width: number,
  line: number,
): Omit<ProblemInput, "file"> | undefined {
  if (cells.length === width) return undefined;
  if (cells.length > width && cells.slice(width).every((cell) => cell.trim() === "")) {
    return {
      line,
      rule: "row.trailing_blank_cells",
      message: `Line ${line} has ${cells.length} cells for ${width} columns; the extra ones are blank and were ignored.`,
    };
  }
  return {
    line,
    rule: "row.width_mismatch",
    message: `Line ${line} has ${cells.length} cells; the first line has ${width}.`,
  };
}

function readFailure(file: string, reason: unknown, line: number): ProblemInput {
  if (reason instanceof EntryReadError) return reason.problem;
  if (reason instanceof EncodingError) {
    return { file, line: 1, rule: "csv.not_utf8", message: reason.message };
  }
  const code = (reason as { code?: unknown }).code;
  const at = (reason as { lines?: unknown }).lines;
  const where = typeof at === "number" ? at : line;
  const detail = reason instanceof Error ? reason.message : String(reason);
  if (code === "CSV_MAX_RECORD_SIZE") {
    return {
      file,
      line: where,
      rule: "csv.record_too_large",
      message: `A row near line ${where} grows past ${MAX_RECORD_CHARACTERS} characters, probably from a quote that is never closed; the rest of ${file} was not read.`,
    };
  }
  if (typeof code === "string" && /^(CSV_|INVALID_)/.test(code)) {
    return {
      file,
      line: where,
      rule: "csv.malformed",
      message: `Quotes are unbalanced near line ${where} (${detail}); the rest of ${file} was not read.`,
    };
  }
  return {
    file,
    line: where,
    rule: "package.read_failed",
    message: `${file} could not be read: ${detail}`,
  };
}

/** Strips a UTF-8 byte-order mark and refuses UTF-16 text, looking only at the first bytes. */
function createBomSniffer(onBom: () => void): Transform {
  let head: Buffer | undefined = Buffer.alloc(0);
  const release = (callback: TransformCallback) => {
    const start = head ?? Buffer.alloc(0);
    head = undefined;
    if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) {
      onBom();
      callback(null, start.subarray(3));
    } else if (
      (start[0] === 0xff && start[1] === 0xfe) ||
      (start[0] === 0xfe && start[1] === 0xff)
    ) {
      callback(
        new EncodingError(
          'The file is saved as UTF-16 ("Unicode text"), not UTF-8; none of it could be read.',
        ),
      );
    } else if (start.length >= 2 && (start[0] === 0 || start[1] === 0)) {
      // Text in UTF-16 without its mark: the high (or low) byte of every ASCII character is 0.
      callback(
        new EncodingError(
          'The file looks saved as UTF-16 ("Unicode text") without a byte-order mark: every other byte is zero. None of it could be read.',
        ),
      );
    } else {
      callback(null, start);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (head === undefined) return callback(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) return callback();
      release(callback);
    },
    flush(callback) {
      if (head === undefined) return callback();
      release(callback);
    },
  });
}
