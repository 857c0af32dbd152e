import { QueryError } from "../../../src/oneroster/query/index.ts";

/** Runs `run` and returns the QueryError it throws; any other outcome fails the test. */
export function catchQueryError(run: () => unknown): QueryError {
  try {
    run();
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error("expected a QueryError, but nothing was thrown");
}
