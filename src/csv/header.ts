import { closestName } from "../kernel/text-distance.ts";
import type { ColumnSpec } from "./catalogue.ts";
import { findControlCharacter, printable } from "./control-characters.ts";
import type { Layout } from "./layouts.ts";
import { addProblem, type ProblemInput, type ReportCollector } from "./report.ts";

/** What one header position holds. */
export type Slot =
  | { kind: "column"; spec: ColumnSpec }
  | { kind: "metadata"; key: string }
  | { kind: "ignored" };

/** How rows of a file are read, as decided by its header. */
export interface HeaderPlan {
  layout: Layout;
  slots: Slot[];
  /** False when the header has an error: rows are still checked, but none is accepted. */
  valid: boolean;
  /** True when rows cannot be read at all (a file of one long line, a wrong delimiter). */
  unreadable: boolean;
}

const METADATA_PREFIX = "metadata.";

/**
 * Spreadsheet column letter of a 0-based position, as a person sees it.
 *
 * @example
 * columnLetter(0); // "A"
 * columnLetter(27); // "AB"
 */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Checks a header against the layouts a file may have, picks the closest one and maps every
 * position to a column, so rows can still be checked (and every problem reported) when the
 * header is wrong. Misspellings and wrong capitals are matched to the column meant, named in
 * the message.
 *
 * @example
 * const plan = checkHeader(["sourcedId", "status", "dataLastModified", …], layoutsFor("roles", "1.2"),
 *   "roles.csv", collector); // header.misspelled: expected dateLastModified
 */
export function checkHeader(
  cells: readonly string[],
  layouts: readonly Layout[],
  file: string,
  collector: ReportCollector,
): HeaderPlan {
  let errors = 0;
  const report: Report = (input) => {
    if (addProblem(collector, { file, line: 1, ...input }) === "error") errors += 1;
  };
  const layout = pickLayout(cells, layouts);
  const unreadable = unreadableReason(cells);
  if (unreadable !== undefined) {
    report(unreadable);
    return { layout, slots: [], valid: false, unreadable: true };
  }
  const names = cells.map((cell) => {
    const trimmed = cell.trim();
    if (trimmed !== cell) {
      report({
        rule: "header.whitespace",
        column: trimmed,
        message: `"${cell}" has spaces around the name.`,
      });
    }
    return trimmed;
  });
  if (layout.columns.some((column) => column.name === "resourceSourcedIds")) {
    report({
      rule: "header.legacy_resource_ids",
      column: "resourceSourcedIds",
      message:
        "This users.csv has the resourceSourcedIds column of OneRoster 1.2 before 1.2.1; its ids were read as userResources records.",
    });
  }
  const slots = placeColumns(names, layout, file, report);
  checkOrder(
    slots,
    layout.columns.map((column) => column.name),
    report,
  );
  checkMetadataLast(slots, names, report);
  return { layout, slots, valid: errors === 0, unreadable: false };
}

type Report = (input: Omit<ProblemInput, "file" | "line">) => void;

/** A header that shows the file cannot be split into rows and cells at all. */
function unreadableReason(
  cells: readonly string[],
): Omit<ProblemInput, "file" | "line"> | undefined {
  if (cells.some((cell) => cell.includes("\n"))) {
    return {
      rule: "csv.line_break_in_field",
      message: "A column name holds a line break, so the columns cannot be told apart.",
    };
  }
  if (cells.some((cell) => cell.includes("\r"))) {
    return {
      rule: "csv.bare_carriage_return",
      message:
        "Lines end with a lone carriage return (the old Mac format), so the file reads as one line.",
    };
  }
  const [only] = cells;
  if (cells.length === 1 && only !== undefined && /[;\t|]/.test(only)) {
    const used = only.includes(";") ? "semicolons" : only.includes("\t") ? "tabs" : "bars";
    return {
      rule: "csv.wrong_delimiter",
      message: `The columns are separated by ${used}, not commas.`,
    };
  }
  return undefined;
}

/**
 * Gives each position its column: exact names first, then names close to a column not yet
 * placed (reported as misspelled or wrongly capitalised), then reports the columns missing.
 */
function placeColumns(
  names: readonly string[],
  layout: Layout,
  file: string,
  report: Report,
): Slot[] {
  const expected = layout.columns.map((column) => column.name);
  const byName = new Map(layout.columns.map((column) => [column.name, column]));
  const placed = new Map<string, number>();
  const slots: Slot[] = names.map((name, index) => {
    if (findControlCharacter(name) !== undefined) return { kind: "ignored" };
    const previous = placed.get(name);
    if (previous !== undefined) {
      report({
        rule: "header.duplicate",
        column: name,
        message: `${name} appears twice (columns ${columnLetter(previous)} and ${columnLetter(index)}).`,
      });
      return { kind: "ignored" };
    }
    const spec = byName.get(name);
    const metadata = name.startsWith(METADATA_PREFIX) && name.length > METADATA_PREFIX.length;
    if (spec === undefined && !metadata) return { kind: "ignored" };
    placed.set(name, index);
    return spec === undefined
      ? { kind: "metadata", key: name.slice(METADATA_PREFIX.length) }
      : { kind: "column", spec };
  });

  names.forEach((name, index) => {
    if (slots[index]?.kind !== "ignored" || placed.has(name)) return;
    const control = findControlCharacter(name);
    if (control !== undefined) {
      report({
        rule: "header.control_character",
        column: printable(name),
        message: `The name of column ${columnLetter(index)} holds the invisible control character ${control.name} at character ${control.position}.`,
      });
      return;
    }
    if (name === "") {
      report({ rule: "header.blank_name", message: `Column ${columnLetter(index)} has no name.` });
      return;
    }
    const meant = closestName(
      name,
      expected.filter((column) => !placed.has(column)),
    );
    const spec = meant === undefined ? undefined : byName.get(meant);
    if (meant === undefined || spec === undefined) {
      report({
        rule: "header.unknown_column",
        column: name,
        message: `${name} (column ${columnLetter(index)}) is not a ${layout.label} column of ${file}.`,
        fix: `Rename it metadata.${name} to keep it as an extension, or remove it.`,
      });
      return;
    }
    placed.set(meant, index);
    slots[index] = { kind: "column", spec };
    report({
      rule: meant.toLowerCase() === name.toLowerCase() ? "header.wrong_case" : "header.misspelled",
      column: name,
      message: `${name} (column ${columnLetter(index)}): expected ${meant}.`,
      fix: `Rename the column ${meant}.`,
    });
  });

  expected.forEach((name, index) => {
    if (placed.has(name)) return;
    const after = index === 0 ? "first" : `after ${expected[index - 1]}`;
    report({
      rule: "header.missing_column",
      column: name,
      message: `${name} is missing; it goes ${after}.`,
    });
  });
  return slots;
}

function checkMetadataLast(slots: readonly Slot[], names: readonly string[], report: Report): void {
  const first = slots.findIndex((slot) => slot.kind === "metadata");
  const stray = slots.findIndex(
    (slot, index) => first >= 0 && index > first && slot.kind !== "metadata",
  );
  if (stray < 0) return;
  report({
    rule: "header.metadata_position",
    column: names[stray],
    message: `${names[stray]} comes after ${names[first]}; metadata.* columns must come last.`,
  });
}

function checkOrder(slots: readonly Slot[], expected: readonly string[], report: Report): void {
  let previous: string | undefined;
  for (const slot of slots) {
    if (slot.kind !== "column") continue;
    const name = slot.spec.name;
    if (previous !== undefined && expected.indexOf(name) < expected.indexOf(previous)) {
      report({
        rule: "header.order",
        column: name,
        message: `${name} comes after ${previous}; the order is ${expected.join(",")}.`,
      });
      return;
    }
    previous = name;
  }
}

/** The layout most header names belong to; the preferred one on a tie. */
function pickLayout(cells: readonly string[], layouts: readonly Layout[]): Layout {
  const [preferred, ...others] = layouts;
  if (preferred === undefined) throw new Error("a file needs at least one layout");
  const score = (layout: Layout) => {
    const names = new Set(layout.columns.map((column) => column.name));
    return cells.filter((cell) => names.has(cell.trim())).length;
  };
  return others.reduce((best, layout) => (score(layout) > score(best) ? layout : best), preferred);
}
