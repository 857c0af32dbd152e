import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./runtime.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments strictly; an unknown flag is an error that shows the usage. */
export function parseCommand<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

/** A required flag's value, or an error naming the flag and the usage. */
export function requireValue(
  value: string | boolean | undefined,
  flag: string,
  usage: string,
): string {
  if (typeof value !== "string" || value === "") {
    throw new CliError(`Missing ${flag}.\nUsage: ${usage}`);
  }
  return value;
}
