import { expect } from "vitest";

/** The database's own message, under the driver's and Drizzle's wrapping. */
export function databaseMessage(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages.join(" | ");
}

/** Expects the work to be refused by the database naming the given constraint or rule. */
export async function expectRefusal(
  work: Promise<unknown>,
  expected: string | RegExp,
): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the database accepted what it should refuse").toBeDefined();
  expect(databaseMessage(error)).toMatch(expected);
}
