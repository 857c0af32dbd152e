import { Transform, type TransformCallback } from "node:stream";
import type { ProblemInput } from "./report.ts";

/** Safety limits applied to a package before and while its entries are inflated. */
export interface PackageLimits {
  maxEntries: number;
  /** Largest single entry, inflated. */
  maxEntryBytes: number;
  /** All entries together, inflated. */
  maxInflatedBytes: number;
  /** Inflated size ÷ compressed size above which an entry is taken for a zip bomb. */
  maxCompressionRatio: number;
}

const GiB = 1024 ** 3;

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxEntries: 64,
  maxEntryBytes: 2 * GiB,
  maxInflatedBytes: 8 * GiB,
  maxCompressionRatio: 200,
};

/**
 * Entries smaller than this are exempt from the ratio check: a megabyte cannot exhaust anything,
 * and tiny files of repeated commas legitimately compress far beyond any sensible ratio.
 */
export const RATIO_EXEMPT_BYTES = 1024 ** 2;

/**
 * Raised inside an entry stream when a limit is crossed or the entry is damaged; the reader
 * turns it into a problem.
 */
export class EntryReadError extends Error {
  constructor(readonly problem: ProblemInput) {
    super(problem.message);
    this.name = "EntryReadError";
  }
}

/** Bytes still allowed for the whole package, shared by every entry stream. */
export interface InflateBudget {
  inflated: number;
  readonly limit: number;
}

/**
 * Counts the bytes of one inflating entry and aborts the stream as soon as the entry outgrows
 * what its central directory declared, the per-entry limit or the package budget: the declared
 * sizes were checked before inflating, and this catches a zip that lied about them.
 *
 * @example
 * zipStream.pipe(createByteLimit("users.csv", entry.uncompressedSize, limits, budget));
 */
export function createByteLimit(
  file: string,
  declaredBytes: number | undefined,
  limits: PackageLimits,
  budget: InflateBudget,
): Transform {
  let seen = 0;
  const refuse = (rule: ProblemInput["rule"], message: string) =>
    new EntryReadError({ file, rule, message });
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      budget.inflated += chunk.length;
      if (declaredBytes !== undefined && seen > declaredBytes) {
        callback(
          refuse(
            "zip.size_mismatch",
            `${file} inflates to more than the ${declaredBytes} bytes the zip declares for it; reading stopped.`,
          ),
        );
      } else if (seen > limits.maxEntryBytes) {
        callback(
          refuse("zip.entry_too_large", `${file} is larger than ${limits.maxEntryBytes} bytes.`),
        );
      } else if (budget.inflated > budget.limit) {
        callback(
          refuse("zip.total_too_large", `The package inflates to more than ${budget.limit} bytes.`),
        );
      } else {
        callback(null, chunk);
      }
    },
    flush(callback: TransformCallback) {
      if (declaredBytes !== undefined && seen < declaredBytes) {
        callback(
          refuse(
            "zip.size_mismatch",
            `${file} ends after ${seen} bytes but the zip declares ${declaredBytes}; the zip is truncated.`,
          ),
        );
      } else {
        callback();
      }
    },
  });
}
