import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/auth/index.ts";
import { BASE_PATHS } from "../../src/oneroster/routes/services.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { adminRows } from "../support/database-server.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { accessToken, startGatewayProcess } from "../support/gateway-process.ts";
import { scratchDir } from "../support/packages.ts";

describe("serve --workers 2", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  /** The processes that listen for client changes: one per serving worker. */
  const listeners = async (name: string) =>
    (
      await adminRows<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where application_name = '${name}' and query like 'listen %'`,
      )
    )[0]?.n;

  it("serves from two processes on one port, and stops them all", async () => {
    const tenant = await tenantWithDistrict(database.db, "workers", 5);
    const credentials = await createClient(database.db, tenant, {
      name: "workers",
      scopes: ["roster.readonly"],
    });
    const gateway = await startGatewayProcess(
      {
        DATABASE_URL: database.url as string,
        DATA_DIR: scratchDir(),
        PGAPPNAME: "workers-test",
        TOKEN_SECRET: "workers-secret-workers-secret-workers-secret",
      },
      ["--workers", "2"],
    );
    try {
      expect(gateway.stderr()).toMatch(/\(database: postgres, 2 workers\)/);
      expect(await listeners("workers-test")).toBe(2);
      const token = await accessToken(gateway.url, credentials);
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(`${gateway.url}${BASE_PATHS.rostering}/users?limit=2`, {
            headers: { authorization: `Bearer ${token}` },
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    } finally {
      await gateway.stop();
    }
    expect(gateway.alive()).toBe(false);
    // The workers closed their connections before the primary exited; the server notes it soon.
    while ((await listeners("workers-test")) !== 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await listeners("workers-test")).toBe(0);
  });
});
