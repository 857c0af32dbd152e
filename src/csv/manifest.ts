import { closestName } from "../kernel/text-distance.ts";
import { FILE_NAMES, type FileName } from "./catalogue.ts";
import { readCsvRows, widthProblem } from "./csv-rows.ts";
import { type CsvVersion, LEGACY_FILES } from "./layouts.ts";
import type { FileMode } from "./lifecycle.ts";
import type { PackageSource } from "./package-source.ts";
import { addProblem, type ProblemInput, type ReportCollector } from "./report.ts";

export type ManifestMode = "absent" | FileMode;

/** What manifest.csv declares, after its problems were reported. */
export interface Manifest {
  /** The model the files are read with; 1.2 when the manifest does not say a supported one. */
  version: CsvVersion;
  /** Every file the version knows, `absent` unless declared bulk or delta. */
  modes: Map<FileName, ManifestMode>;
  /** Files whose declaration is unusable (already reported): not checked against the entries. */
  undecided: Set<FileName>;
  /** `source.*` properties, keyed without the prefix. */
  source: Record<string, string>;
}

const MODES: readonly ManifestMode[] = ["absent", "bulk", "delta"];
/** A real manifest has about 25 lines; far more means the wrong file. */
const MAX_PROPERTIES = 200;
const MANIFEST = "manifest.csv";

/**
 * Reads and checks manifest.csv: header `propertyName,value`, versions, one `file.<name>` per
 * file (a missing one counts as absent, with a warning), `source.*` free text; unknown and
 * duplicate properties are errors. Returns undefined when the package has no manifest.
 *
 * @example
 * const manifest = await readManifest(source, collector);
 * manifest?.modes.get("users"); // "bulk"
 */
export async function readManifest(
  source: PackageSource,
  collector: ReportCollector,
): Promise<Manifest | undefined> {
  const entry = source.files.get("manifest");
  if (entry === undefined) {
    addProblem(collector, {
      file: source.name,
      rule: "package.missing_manifest",
      message: "The package has no manifest.csv, so none of its files can be read.",
    });
    return undefined;
  }
  const report = (input: Omit<ProblemInput, "file">) =>
    addProblem(collector, { file: MANIFEST, ...input });
  const properties = new Map<string, { value: string; line: number }>();
  const csv = readCsvRows(await source.open(entry), MANIFEST, collector);
  let header = true;
  for await (const { line, cells } of csv.rows) {
    if (header) {
      header = false;
      const width = widthProblem(cells, 2, line);
      if (
        cells[0] !== "propertyName" ||
        cells[1] !== "value" ||
        width?.rule === "row.width_mismatch"
      ) {
        report({
          line,
          rule: "manifest.header",
          value: cells.join(","),
          message: "The first line is not propertyName,value.",
        });
      } else if (width !== undefined) {
        report(width);
      }
      continue;
    }
    if (properties.size >= MAX_PROPERTIES) {
      report({
        line,
        rule: "manifest.too_long",
        message: `manifest.csv has more than ${MAX_PROPERTIES} properties; the rest was not read.`,
      });
      break;
    }
    const [name = "", value = ""] = cells.map((cell) => cell.trim());
    const width = widthProblem(cells, 2, line);
    if (width !== undefined) report(width);
    if (properties.has(name)) {
      report({
        line,
        column: "propertyName",
        rule: "manifest.duplicate_property",
        value: name,
        message: `${name} is already set on line ${properties.get(name)?.line}.`,
      });
      continue;
    }
    properties.set(name, { value, line });
  }
  return interpret(properties, report);
}

function interpret(
  properties: ReadonlyMap<string, { value: string; line: number }>,
  report: (input: Omit<ProblemInput, "file">) => void,
): Manifest {
  const version = readVersions(properties, report);
  const files = version === "1.1" ? LEGACY_FILES : FILE_NAMES;
  const manifest: Manifest = { version, modes: new Map(), undecided: new Set(), source: {} };
  const known = new Set([
    "manifest.version",
    "oneroster.version",
    ...files.map((f) => `file.${f}`),
  ]);
  for (const [name, { value, line }] of properties) {
    if (name === "manifest.version" || name === "oneroster.version") continue;
    const file = files.find((candidate) => `file.${candidate}` === name);
    if (file !== undefined) {
      const mode = readMode(value, line, report);
      if (mode === undefined) manifest.undecided.add(file);
      else manifest.modes.set(file, mode);
    } else if (name.startsWith("source.") && name.length > "source.".length) {
      manifest.source[name.slice("source.".length)] = value;
      if ((MODES as readonly string[]).includes(value.toLowerCase())) {
        report({
          line,
          column: "value",
          rule: "manifest.suspicious_source",
          value,
          message: `${name} is "${value}", which looks like a file mode on the wrong line.`,
        });
      }
    } else {
      const meant = closestName(name, known);
      const legacy = version === "1.1" && FILE_NAMES.some((f) => `file.${f}` === name);
      report({
        line,
        column: "propertyName",
        rule: "manifest.unknown_property",
        value: name,
        message: legacy
          ? `${name} is new in OneRoster 1.2 and cannot be sent in a 1.1 package.`
          : `${name} is not a manifest property${meant === undefined ? "" : `: did you mean ${meant}?`}`,
      });
    }
  }
  for (const file of files) {
    if (manifest.modes.has(file) || manifest.undecided.has(file)) continue;
    manifest.modes.set(file, "absent");
    report({
      rule: "manifest.missing_file_property",
      column: `file.${file}`,
      message: `file.${file} is not listed; ${file}.csv was taken as absent.`,
    });
  }
  return manifest;
}

function readVersions(
  properties: ReadonlyMap<string, { value: string; line: number }>,
  report: (input: Omit<ProblemInput, "file">) => void,
): CsvVersion {
  const manifestVersion = properties.get("manifest.version");
  if (manifestVersion === undefined) {
    report({
      rule: "manifest.missing_property",
      column: "manifest.version",
      message: "manifest.version is missing.",
    });
  } else if (manifestVersion.value === "1") {
    report({
      line: manifestVersion.line,
      column: "value",
      rule: "manifest.version_format",
      value: "1",
      message: "manifest.version 1 was read as 1.0.",
    });
  } else if (manifestVersion.value !== "1.0") {
    report({
      line: manifestVersion.line,
      column: "value",
      rule: "manifest.invalid_version",
      value: manifestVersion.value,
      message: `manifest.version "${manifestVersion.value}" is not 1.0.`,
    });
  }
  const oneRoster = properties.get("oneroster.version");
  if (oneRoster === undefined) {
    report({
      rule: "manifest.missing_property",
      column: "oneroster.version",
      message: "oneroster.version is missing; the files were checked as OneRoster 1.2.",
    });
    return "1.2";
  }
  if (oneRoster.value === "1.2" || oneRoster.value === "1.2.1") return "1.2";
  if (oneRoster.value === "1.1") return "1.1";
  report({
    line: oneRoster.line,
    column: "value",
    rule: "manifest.unsupported_oneroster_version",
    value: oneRoster.value,
    message: `oneroster.version "${oneRoster.value}" is not supported (1.2, 1.2.1 or 1.1); the files were checked as OneRoster 1.2.`,
  });
  return "1.2";
}

function readMode(
  value: string,
  line: number,
  report: (input: Omit<ProblemInput, "file">) => void,
): ManifestMode | undefined {
  const mode = MODES.find((candidate) => candidate === value.toLowerCase());
  if (mode !== undefined && mode !== value) {
    report({
      line,
      column: "value",
      rule: "manifest.value_case",
      value,
      message: `"${value}" was read as ${mode}.`,
    });
  }
  if (mode !== undefined) return mode;
  report({
    line,
    column: "value",
    rule: "manifest.invalid_value",
    value,
    message: value === "" ? "The value is empty." : `"${value}" is not absent, bulk or delta.`,
  });
  return undefined;
}
