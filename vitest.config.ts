import { configDefaults, defineConfig } from "vitest/config";

// Tests that need a PostgreSQL server (psql, a second session, server extensions) live in
// *.postgres.test.ts files and join the run only when TEST_DATABASE_URL names a server, so the
// default PGlite run holds just the tests that run there, and neither run skips them.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: onPostgres
      ? configDefaults.exclude
      : [...configDefaults.exclude, "test/**/*.postgres.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
