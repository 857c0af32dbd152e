import { cpus, totalmem } from "node:os";

/** The package sizes a run measures; `XL` only on demand (`--size XL`). */
export const SIZES = { S: 1_000, M: 10_000, L: 100_000, XL: 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;
export const DEFAULT_SIZES: readonly SizeName[] = ["S", "M", "L"];

/**
 * One measured figure beside the baseline measured in the same run on the same database.
 * `ratio` is the figure's time (or rate) over the baseline's, so lower is better for times;
 * `goal` is the bound on that ratio, when it sets one.
 */
export interface Figure {
  suite: string;
  size: SizeName | string;
  figure: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  goal?: string;
  /** Anything a reader needs beside the number (rows changed, rows, …). */
  note?: string;
}

/** A figure with its ratio to a baseline of the same unit. */
export function against(
  figure: Omit<Figure, "ratio" | "baselineValue">,
  baselineValue: number,
): Figure {
  return { ...figure, baselineValue, ratio: figure.value / baselineValue };
}

/** What the numbers were measured on. */
export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
}
