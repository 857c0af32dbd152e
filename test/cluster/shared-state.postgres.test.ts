import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_CHANGED_CHANNEL, createClient, revokeClient } from "../../src/auth/index.ts";
import { BASE_PATHS } from "../../src/oneroster/routes/services.ts";
import type { Tenant } from "../../src/tenants/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import {
  accessToken,
  type GatewayProcess,
  startGatewayProcess,
} from "../support/gateway-process.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";

const USERS = `${BASE_PATHS.rostering}/users?limit=5`;
const TOKEN_SECRET = "cluster-secret-cluster-secret-cluster-secret";

/**
 * Two gateway processes on one PostgreSQL database, as `serve --workers 2` or two hosts run
 * them: what one process decides about a client or a tenant, the other abides by.
 */
describe("rules that hold across gateway processes", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  /** A superuser session of the test, to watch locks and hear notifications. */
  let admin: pg.Client;
  const gateways: GatewayProcess[] = [];
  let a: GatewayProcess;
  let b: GatewayProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "cluster", 10);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const start = async (name: string) => {
      const gateway = await startGatewayProcess({
        DATABASE_URL: database.url as string,
        DATA_DIR: scratchDir(),
        PGAPPNAME: name,
        TOKEN_SECRET,
      });
      gateways.push(gateway);
      return gateway;
    };
    [a, b] = await Promise.all([start("cluster-a"), start("cluster-b")]);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await admin?.end();
    await database?.close();
  });

  async function clientOf(settings: { rateLimitPerMinute?: number; scopes?: string[] } = {}) {
    const credentials = await createClient(database.db, tenant, {
      name: `cluster-${randomBytes(3).toString("hex")}`,
      scopes: settings.scopes ?? ["roster.readonly"],
      ...(settings.rateLimitPerMinute ? { rateLimitPerMinute: settings.rateLimitPerMinute } : {}),
    });
    const token = await accessToken(a.url, credentials);
    const request = (gateway: GatewayProcess, path: string, init: RequestInit = {}) =>
      fetch(`${gateway.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
      });
    return { ...credentials, request, get: (gateway: GatewayProcess) => request(gateway, USERS) };
  }

  it("a client's rate limit is one budget, whichever process serves it", async () => {
    // 5 a minute: one request back every 12 s, far longer than these requests take.
    const client = await clientOf({ rateLimitPerMinute: 5 });
    const onA = [];
    for (let i = 0; i < 5; i++) onA.push((await client.get(a)).status);
    expect(onA).toEqual([200, 200, 200, 200, 200]);
    // Process B has served this client nothing, yet its budget is spent.
    const onB = await client.get(b);
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await client.get(a)).status).toBe(429);
  });

  it("failed token requests are throttled across processes too", async () => {
    const attempt = (gateway: GatewayProcess) =>
      fetch(`${gateway.url}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: "cluster.nosuchclient",
          client_secret: "wrong",
        }),
      });
    const statuses = [];
    // The client-id budget is 10 failures a minute: 5 on each process spend it.
    for (let i = 0; i < 5; i++) statuses.push((await attempt(a)).status, (await attempt(b)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expect((await attempt(a)).status).toBe(429);
    expect((await attempt(b)).status).toBe(429);
  });

  it("a revocation made anywhere is refused by a process that had the client cached", async () => {
    const client = await clientOf();
    expect((await client.get(b)).status).toBe(200);
    await admin.query(`listen ${CLIENT_CHANGED_CHANNEL}`);
    const heard = once(admin, "notification");
    // Revoked by a third process (this test), neither gateway.
    await revokeClient(database.db, tenant.id, client.clientId);
    const [notification] = (await heard) as [pg.Notification];
    expect(notification.payload).toBe(`${tenant.id}/${client.clientId}`);
    await admin.query(`unlisten ${CLIENT_CHANGED_CHANNEL}`);
    const refused = await client.get(b);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/revoked/);
    expect((await client.get(a)).status).toBe(401);
  });

  /** The application names of the sessions holding (or waiting for) an advisory lock here. */
  async function advisoryLocks(granted: boolean): Promise<string[]> {
    const { rows } = await admin.query<{ name: string }>(
      `select s.application_name as name from pg_locks l join pg_stat_activity s on s.pid = l.pid
       where l.locktype = 'advisory' and l.granted = $1
         and l.database = (select oid from pg_database where datname = current_database())
       order by 1`,
      [granted],
    );
    return rows.map((row) => row.name);
  }

  async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("one import per tenant at a time: a second process's import waits for the first", async () => {
    const client = await clientOf({ scopes: ["gateway.import"] });
    const body = readFileSync(
      await writePackage(join(scratchDir(), "cluster.zip"), districtFiles(10)),
    );
    const post = async (gateway: GatewayProcess) => {
      const response = await client.request(gateway, "/admin/v1/imports", {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body,
      });
      expect(response.status).toBe(202);
      return ((await response.json()) as { id: string }).id;
    };
    // Holding the users table stalls A's import after it has taken the tenant's import lock.
    await admin.query("begin");
    await admin.query("lock table users in exclusive mode");
    let jobs: string[];
    try {
      const first = await post(a);
      await until(
        () => advisoryLocks(true),
        (names) => names.includes("cluster-a"),
      );
      const second = await post(b);
      expect(
        await until(
          () => advisoryLocks(false),
          (names) => names.length > 0,
        ),
      ).toEqual(["cluster-b"]);
      expect(await advisoryLocks(true)).toEqual(["cluster-a"]);
      jobs = [first, second];
    } finally {
      await admin.query("rollback");
    }
    const ended = [];
    for (const [gateway, id] of [
      [a, jobs[0]],
      [b, jobs[1]],
    ] as const) {
      ended.push(
        await until(
          async () =>
            (await (await client.request(gateway, `/admin/v1/imports/${id}`)).json()) as {
              status: string;
              startedAt: string;
              finishedAt: string;
            },
          (job) => job.status !== "queued" && job.status !== "running",
        ),
      );
    }
    expect(ended.map((job) => job.status)).toEqual(["succeeded", "succeeded"]);
    // The second import's work began only once the first had committed.
    expect(Date.parse(ended[1]!.finishedAt)).toBeGreaterThanOrEqual(
      Date.parse(ended[0]!.finishedAt),
    );
  });
});
