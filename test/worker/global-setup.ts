import type { TestProject } from "vitest/node";
import { buildWorkerBundle } from "./worker-bundle.ts";

/**
 * Rebuilds the bundle, so the suite never runs against a stale one, then prepares the
 * migrated template database the shared test support copies for each file. The Worker needs
 * PostgreSQL (Hyperdrive speaks nothing else): the local server unless told otherwise, set
 * before the shared setup is loaded, since it reads TEST_DATABASE_URL on import.
 */
export default async function setup(project: TestProject) {
  process.env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
  buildWorkerBundle();
  const { default: prepareDatabases } = await import("../support/global-setup.ts");
  return prepareDatabases(project);
}
