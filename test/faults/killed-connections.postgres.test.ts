import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/auth/clients.ts";
import { BASE_PATHS } from "../../src/oneroster/routes/services.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/gateway-process.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";

const USERS = `${BASE_PATHS.rostering}/users?limit=5`;

/**
 * Faults only a real PostgreSQL server has: its backends can be terminated and its locks held.
 * The gateway runs as its own process, so a fault that escaped a request would end it.
 */
describe("a PostgreSQL fault fails one request, never the process", () => {
  let database: TestDatabase;
  let credentials: { clientId: string; clientSecret: string };
  /** A superuser session of the test, which holds the locks that stall the gateway. */
  let admin: pg.Client;
  let zip: Buffer;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const tenant = await tenantWithDistrict(database.db, "faults", 20);
    credentials = await createClient(database.db, tenant, {
      name: "faults",
      scopes: ["roster.readonly", "gateway.export", "gateway.import"],
    });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    zip = readFileSync(await writePackage(join(scratchDir(), "district.zip"), districtFiles(5)));
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await admin?.end();
    await database?.close();
  });

  /** A gateway process whose connections carry their own application_name, to find them by. */
  async function start(settings: Record<string, string> = {}) {
    const name = `faults-${randomBytes(4).toString("hex")}`;
    const gateway = await startGatewayProcess({
      DATABASE_URL: database.url as string,
      DATA_DIR: scratchDir(),
      PGAPPNAME: name,
      TOKEN_SECRET: "faults-secret-faults-secret-faults-secret",
      ...settings,
    });
    gateways.push(gateway);
    const token = async () => {
      const response = await fetch(`${gateway.url}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        }),
      });
      return response;
    };
    const { access_token } = (await (await token()).json()) as { access_token: string };
    const request = (path: string, init: RequestInit = {}) =>
      fetch(`${gateway.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${access_token}`, ...init.headers },
      });
    return { gateway, name, request, token };
  }

  /** The gateway's backends that wait on a lock, once there are any. */
  async function blockedBackends(name: string): Promise<number[]> {
    for (;;) {
      const { rows } = await admin.query<{ pid: number }>(
        "select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'",
        [name],
      );
      if (rows.length > 0) return rows.map((row) => row.pid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function whileLocked<T>(lock: string, work: () => Promise<T>): Promise<T> {
    await admin.query("begin");
    await admin.query(lock);
    try {
      return await work();
    } finally {
      await admin.query("rollback");
    }
  }

  const terminate = (pids: number[]) =>
    admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) as pid", [pids]);

  it("survives a backend terminated during a read, and the next read answers", async () => {
    const { gateway, name, request } = await start();
    const response = await whileLocked("lock table users in access exclusive mode", async () => {
      const pending = request(USERS);
      await terminate(await blockedBackends(name));
      return pending;
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await request(USERS)).status).toBe(200);
    expect(gateway.alive()).toBe(true);
  });

  it("survives a backend terminated during an export, and the next export answers", async () => {
    const { gateway, name, request } = await start();
    const exportZip = () => request("/admin/v1/exports/oneroster.zip");
    // The disclosure record is written first: holding its table stalls the export there.
    const response = await whileLocked("lock table audit_logs in exclusive mode", async () => {
      const pending = exportZip();
      await terminate(await blockedBackends(name));
      return pending;
    });
    expect(response.status).toBe(503);
    const next = await exportZip();
    expect(next.status).toBe(200);
    expect((await next.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(gateway.alive()).toBe(true);
  });

  it("survives a backend terminated during an API import, which then ends failed, its upload gone", async () => {
    const { gateway, name, request } = await start();
    const job = await whileLocked("lock table users in exclusive mode", async () => {
      const accepted = await request("/admin/v1/imports", {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body: zip,
      });
      expect(accepted.status).toBe(202);
      await terminate(await blockedBackends(name));
      return (await accepted.json()) as { id: string };
    });
    let ended: { status: string; report: unknown };
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ended = (await (await request(`/admin/v1/imports/${job.id}`)).json()) as typeof ended;
    } while (ended.status === "queued" || ended.status === "running");
    expect(ended.status).toBe("failed");
    expect(JSON.stringify(ended.report)).toMatch(/import\.database_refused/);
    expect(readdirSync(join(gateway.dataDir, "uploads"))).toEqual([]);
    expect((await request(USERS)).status).toBe(200);
    expect(gateway.alive()).toBe(true);
  });

  it("answers 503 with Retry-After when slow requests hold every connection, token requests too", async () => {
    const { gateway, name, request, token } = await start({
      DB_POOL_MAX: "1",
      DB_ACQUIRE_TIMEOUT_MS: "300",
      DB_STATEMENT_TIMEOUT_MS: "3000",
    });
    const [slow, waiting, tokenWhileBusy] = await whileLocked(
      "lock table users in access exclusive mode",
      async () => {
        const slowReads = Promise.all([request(USERS), request(USERS)]);
        await blockedBackends(name);
        const refused = await request(USERS);
        const refusedToken = await token();
        return [await slowReads, refused, refusedToken] as const;
      },
    );
    // The two slow reads reach the statement timeout; the others find no free connection.
    expect(slow.map((response) => response.status)).toEqual([503, 503]);
    for (const response of [waiting, tokenWhileBusy]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    expect((await request(USERS)).status).toBe(200);
    expect((await token()).status).toBe(200);
    expect(gateway.alive()).toBe(true);
  });
});
