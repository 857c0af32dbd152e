/**
 * What a person sees of an error nobody planned for: one line naming it and how to see more.
 * With `debug` (DEBUG=1) it is the stack trace, for a bug report.
 *
 * @example
 * describeUnexpected(new Error("boom"), false);
 * // "Unexpected error: boom\nRun again with DEBUG=1 to see where it happened, and report it with that output."
 */
export function describeUnexpected(error: unknown, debug: boolean): string {
  if (debug) {
    return error instanceof Error ? (error.stack ?? String(error)) : String(error);
  }
  const system = error as { code?: unknown; path?: unknown; syscall?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  const what =
    typeof system.code === "string" && typeof system.path === "string"
      ? `cannot ${String(system.syscall ?? "use")} ${system.path} (${system.code}): ${message}`
      : message;
  return `Unexpected error: ${what}\nRun again with DEBUG=1 to see where it happened, and report it with that output.`;
}
