import { parseArgs } from "node:util";
import { closestName } from "../kernel/text-distance.ts";
import { CliError } from "./runtime.ts";

/** One option of a command: its type, the placeholder of its value and what it does. */
export interface OptionSpec {
  type: "string" | "boolean";
  /** Shown in the help after the flag, e.g. `<slug>`; only for string options. */
  value?: string;
  description: string;
}

type OptionSpecs = Record<string, OptionSpec>;

/** The parsed flags of a command, typed from its option table. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string;
};

/**
 * Everything a command declares about itself. The dispatcher derives `--help`, the usage shown
 * with a mistake and the suggestions for a misspelt option or subcommand from it, so a command
 * added later gets them without code of its own.
 */
export interface CommandSpec<O extends OptionSpecs> {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The command's forms, each without the leading `tsa-gateway`. */
  usage: readonly string[];
  /** The first positional's allowed words (`clients create|list|…`), when it has any. */
  subcommands?: readonly string[];
  options: O;
  /** Anything worth knowing beyond the options (environment variables, exit codes…). */
  notes?: string;
  /** Resolves with the exit code, or with nothing for success. */
  run: (values: OptionValues<O>, positionals: string[]) => Promise<number | undefined>;
}

/** A command as the dispatcher sees it. */
export interface Command {
  name: string;
  summary: string;
  usage: readonly string[];
  subcommands: readonly string[];
  /** The flags it accepts, e.g. `--tenant` (`--help` and `-h` go without saying). */
  flags: readonly string[];
  help: () => string;
  /** Parses `args` (help, unknown flags and subcommands are handled here) and runs. */
  run: (args: string[]) => Promise<number>;
}

const HELP_FLAGS = new Set(["--help", "-h"]);

/**
 * Declares a command.
 *
 * @example
 * export const tenantsCommand = defineCommand({
 *   name: "tenants", summary: "create a tenant", usage: ['tenants create <slug> --name "<name>"'],
 *   subcommands: ["create"], options: { name: { type: "string", value: "<name>", description: "…" } },
 *   run: async (values, [action, slug]) => { … },
 * });
 */
export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const help = () => commandHelp(spec);
  const flags = Object.keys(spec.options).map((name) => `--${name}`);
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    subcommands: spec.subcommands ?? [],
    flags,
    help,
    run: async (args) => {
      if (wantsHelp(args)) {
        console.log(help());
        return 0;
      }
      const { values, positionals } = parseStrictly(spec, flags, args);
      checkSubcommand(spec, positionals[0]);
      return (await spec.run(values as OptionValues<O>, positionals)) ?? 0;
    },
  };
}

/** `--help` or `-h` anywhere before a `--` that ends the options. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

function parseStrictly<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  flags: readonly string[],
  args: string[],
) {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]),
  );
  const loose = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of loose.tokens ?? []) {
    if (token.kind !== "option" || token.name in spec.options) continue;
    const suggestion = closestName(token.rawName, flags);
    throw new CliError(
      `Unknown option ${token.rawName} for '${spec.name}'.${suggestion ? ` Did you mean ${suggestion}?` : ""}\n${usageLines(spec)}`,
    );
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usageLines(spec)}`);
  }
}

function checkSubcommand<O extends OptionSpecs>(spec: CommandSpec<O>, word: string | undefined) {
  const allowed = spec.subcommands;
  if (!allowed || (word !== undefined && allowed.includes(word))) return;
  if (word === undefined) {
    throw new CliError(`'${spec.name}' needs one of: ${allowed.join(", ")}.\n${usageLines(spec)}`);
  }
  const suggestion = closestName(word, allowed);
  throw new CliError(
    `Unknown ${spec.name} subcommand '${word}'.${suggestion ? ` Did you mean '${spec.name} ${suggestion}'?` : ""}\n${usageLines(spec)}`,
  );
}

/** The usage lines shown after a mistake, ending with where to read more. */
export function usageLines(spec: Pick<CommandSpec<OptionSpecs>, "name" | "usage">): string {
  const [first, ...rest] = spec.usage.map((line) => `npx tsa-gateway ${line}`);
  return [`Usage: ${first}`, ...rest.map((line) => `       ${line}`)]
    .concat(`More: npx tsa-gateway ${spec.name} --help`)
    .join("\n");
}

function commandHelp<O extends OptionSpecs>(spec: CommandSpec<O>): string {
  const [first, ...rest] = spec.usage.map((line) => `npx tsa-gateway ${line}`);
  const flags = Object.entries(spec.options).map(([name, option]) => [
    `--${name}${option.value ? ` ${option.value}` : ""}`,
    option.description,
  ]);
  flags.push(["-h, --help", "show this help and do nothing else"]);
  const width = Math.max(...flags.map(([flag]) => flag?.length ?? 0));
  return [
    `Usage: ${first}`,
    ...rest.map((line) => `       ${line}`),
    "",
    `${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.`,
    "",
    "Options:",
    ...flags.map(([flag, text]) => `  ${flag?.padEnd(width)}  ${text}`),
    ...(spec.notes ? ["", spec.notes] : []),
  ].join("\n");
}
