import { currentSchoolYear } from "../generate/index.ts";
import { usageLines } from "./command.ts";
import { CliError } from "./runtime.ts";

/** What a mistake's message shows: the command's name and its usage lines. */
export interface Usage {
  name: string;
  usage: readonly string[];
}

/** A required flag's value, or an error naming the flag and the usage. */
export function requireValue(
  value: string | boolean | undefined,
  flag: string,
  usage: Usage,
): string {
  if (typeof value !== "string" || value === "") {
    throw new CliError(`Missing ${flag}.\n${usageLines(usage)}`);
  }
  return value;
}

/** A required positional argument, or an error naming what is missing and the usage. */
export function requirePositional(value: string | undefined, what: string, usage: Usage): string {
  if (value === undefined || value === "")
    throw new CliError(`Missing ${what}.\n${usageLines(usage)}`);
  return value;
}

/**
 * A whole number of at least `min`, the `fallback` when the flag is absent, or an error naming
 * the flag and the usage.
 */
export function wholeNumber(
  value: string | undefined,
  flag: string,
  usage: Usage,
  { min = 1, fallback }: { min?: number; fallback?: number } = {},
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new CliError(`${flag} needs a whole number of at least ${min}.\n${usageLines(usage)}`);
  }
  return n;
}

/** The `--school-year` option of the commands that build a district. */
export const SCHOOL_YEAR_OPTION = {
  type: "string",
  value: "<yyyy>",
  description:
    "the year the school year ends in (2027 for 2026-2027); default: the current one, counted from today's date",
} as const;

/** The `--school-year` value, or the school year under way today. */
export function schoolYearOption(value: string | undefined, usage: Usage): number {
  return wholeNumber(value, "--school-year", usage, {
    min: 1900,
    fallback: currentSchoolYear(new Date()),
  });
}
