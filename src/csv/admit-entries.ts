import { type BindingFile, classifyEntryName } from "./entry-names.ts";
import { type PackageLimits, RATIO_EXEMPT_BYTES } from "./package-limits.ts";
import { addProblem, type ProblemInput, type ReportCollector } from "./report.ts";

/** An entry as listed, before anything is inflated. */
export interface RawEntry {
  name: string;
  directory: boolean;
  /** Inflated size: declared by the zip's central directory, or the size on disk. */
  size: number;
  /** Zip only. */
  compressedSize?: number;
  encrypted?: boolean;
  /** False when the zip uses a compression method that cannot be inflated. */
  decodable?: boolean;
}

/** What survives the checks on an entry list. */
export interface AdmittedEntries {
  files: Map<BindingFile, string>;
  misnamed: Map<string, BindingFile>;
  /** Inflated bytes of the admitted entries together. */
  bytes: number;
}

/**
 * Applies the name, duplicate, encryption and size rules to a listing, reporting every refusal,
 * so that a zip bomb or an unsafe path is refused from the central directory alone.
 *
 * @example
 * admitEntries("x.zip", [{ name: "a/users.csv", directory: false, size: 10 }], collector, limits);
 * // → nothing admitted, a zip.nested_path problem reported
 */
export function admitEntries(
  packageName: string,
  entries: readonly RawEntry[],
  collector: ReportCollector,
  limits: PackageLimits,
): AdmittedEntries {
  const admitted: AdmittedEntries = { files: new Map(), misnamed: new Map(), bytes: 0 };
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const report = (input: Omit<ProblemInput, "file">) =>
      addProblem(collector, { file: entry.name, ...input });
    if (seen.has(entry.name)) {
      report({ rule: "zip.duplicate_entry", message: `${entry.name} appears more than once.` });
      continue;
    }
    seen.add(entry.name);
    const verdict = classifyEntryName(entry.name, entry.directory);
    if (verdict.kind === "ignored") {
      report({ rule: "package.ignored_entry", message: verdict.message });
      continue;
    }
    if (verdict.kind === "refused") {
      report({
        rule: verdict.rule,
        message: verdict.message,
        ...(verdict.fix === undefined ? {} : { fix: verdict.fix }),
      });
      if (verdict.meant === undefined) continue;
    }
    const refusal = inflateRefusal(entry, limits);
    if (refusal !== undefined) {
      report(refusal);
      continue;
    }
    total += entry.size;
    if (verdict.kind === "data") admitted.files.set(verdict.file, entry.name);
    else if (verdict.meant !== undefined) admitted.misnamed.set(entry.name, verdict.meant);
  }
  if (total > limits.maxInflatedBytes) {
    addProblem(collector, {
      file: packageName,
      rule: "zip.total_too_large",
      message: `The files inflate to ${total} bytes in all, above the limit of ${limits.maxInflatedBytes}.`,
    });
    return { files: new Map(), misnamed: new Map(), bytes: 0 };
  }
  return { ...admitted, bytes: total };
}

function inflateRefusal(
  entry: RawEntry,
  limits: PackageLimits,
): Omit<ProblemInput, "file"> | undefined {
  if (entry.encrypted === true) {
    return { rule: "zip.encrypted_entry", message: `${entry.name} is password-protected.` };
  }
  if (entry.decodable === false) {
    return {
      rule: "zip.unsupported_compression",
      message: `${entry.name} uses a compression method that cannot be read.`,
    };
  }
  if (entry.size > limits.maxEntryBytes) {
    return {
      rule: "zip.entry_too_large",
      message: `${entry.name} is ${entry.size} bytes, above the limit of ${limits.maxEntryBytes}.`,
    };
  }
  const ratio = entry.size / Math.max(entry.compressedSize ?? entry.size, 1);
  if (entry.size > RATIO_EXEMPT_BYTES && ratio > limits.maxCompressionRatio) {
    return {
      rule: "zip.compression_ratio",
      message: `${entry.name} would inflate ${Math.round(ratio)} times (${entry.size} bytes from ${entry.compressedSize}); more than ${limits.maxCompressionRatio} times is refused as a zip bomb.`,
    };
  }
  return undefined;
}
