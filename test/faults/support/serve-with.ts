import { runCli } from "../../support/cli.ts";
import { scratchDir } from "../../support/packages.ts";

/** A stack trace line, which an operator should never have to read. */
export const STACK = /^\s+at /m;

/** `tsa-gateway serve` as its own process on a free port, with `env` added. */
export const serveWith = (env: Record<string, string>) =>
  runCli(["serve"], { DATA_DIR: scratchDir(), PORT: "0", ...env });
