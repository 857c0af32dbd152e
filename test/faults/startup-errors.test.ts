import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { createEmptyDatabase, TEST_DATABASE_URL } from "../support/database.ts";
import { withDatabase } from "../support/database-server.ts";
import { scratchDir } from "../support/packages.ts";

/** A stack trace line, which an operator should never have to read. */
const STACK = /^\s+at /m;

const serveWith = (env: Record<string, string>) =>
  runCli(["serve"], { DATA_DIR: scratchDir(), PORT: "0", ...env });

describe("start-up errors name the cause and the fix", () => {
  it("says the connection was refused, not 'run migrate'", async () => {
    const result = await serveWith({ DATABASE_URL: "postgres://app@127.0.0.1:1/tsa" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/127\.0\.0\.1:1 \(connection refused\)\. Start PostgreSQL/);
    expect(result.stderr).not.toMatch(/migrate/);
    expect(result.stderr).not.toMatch(STACK);
  });

  it("says the port is in use", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = await serveWith({ PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use.*set PORT`),
      );
      expect(result.stderr).not.toMatch(STACK);
    } finally {
      taken.close();
    }
  });

  describe.skipIf(!TEST_DATABASE_URL)("on a PostgreSQL server", () => {
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
});
