import { describe, expect, it } from "vitest";
import { createEmptyDatabase, TEST_DATABASE_URL } from "../support/database.ts";
import { withDatabase } from "../support/database-server.ts";
import { STACK, serveWith } from "./support/serve-with.ts";

/** Start-up errors only a PostgreSQL server can produce (this file runs with TEST_DATABASE_URL). */
describe("start-up errors on a PostgreSQL server name the cause and the fix", () => {
  const server = TEST_DATABASE_URL as string;

  it("says the database does not exist", async () => {
    const result = await serveWith({
      DATABASE_URL: withDatabase(server, "tsa_no_such_database"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/database "tsa_no_such_database" does not exist.*createdb/);
    expect(result.stderr).not.toMatch(STACK);
  });

  it("says the role does not exist", async () => {
    const url = new URL(server);
    url.username = "tsa_no_such_role";
    const result = await serveWith({ DATABASE_URL: url.toString() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/role "tsa_no_such_role" does not exist.*createuser/);
    expect(result.stderr).not.toMatch(STACK);
  });

  it("says the schema is behind, and how to migrate it", async () => {
    const empty = await createEmptyDatabase();
    try {
      const result = await serveWith({ DATABASE_URL: empty.url as string });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/schema is at nothing.*Run: npx tsa-gateway migrate/);
      expect(result.stderr).not.toMatch(STACK);
    } finally {
      await empty.close();
    }
  });
});
