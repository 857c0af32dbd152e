/**
 * OneRoster REST through the gateway against a bare `node:http` handler that sends the very
 * same SQL through `pg`, on one generated district of `--students` imported into PostgreSQL
 * (then ANALYZEd), in one run: one user, the first page of users, the last page of users, and
 * a page of 1,000 enrollments.
 *
 *   npx tsx bench/rest-vs-bare.ts [--students 10000] [--duration 10] [--connections 32]
 *
 * PostgreSQL is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a fresh
 * database is created on that server and dropped afterwards. The statements the bare handler
 * runs are captured from the gateway itself (begin, tenant context, the read with its nested
 * lists, count and disclosure record, commit), so the difference is everything but the database: routing,
 * token check, rate limit, query parsing, mapping rows to OneRoster JSON. autocannon runs in a
 * child process so the load generator does not share the servers' event loop.
 *
 * Writes bench/results/rest-vs-bare.json and prints a table.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { createApp } from "../src/app/create-app.ts";
import { ClientStateCache } from "../src/auth/client-state.ts";
import { createClient } from "../src/auth/clients.ts";
import { PostgresBudgets } from "../src/auth/postgres-budgets.ts";
import { ONEROSTER_SCOPES } from "../src/auth/scopes.ts";
import { loadConfig } from "../src/config/env.ts";
import { type Database, schema } from "../src/db/client.ts";
import { queryRows } from "../src/db/query-rows.ts";
import { withTenant } from "../src/db/tenant-context.ts";
import { writeGeneratedDistrict } from "../src/generate/index.ts";
import { importPackage } from "../src/imports/import-package.ts";
import { createTenant } from "../src/tenants/tenants.ts";
import { freshBenchDatabase } from "./bench-database.ts";

const ROSTERING = "/ims/oneroster/rostering/v1p2";
const POOL_SIZE = 10;
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    students: { type: "string", default: "10000" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const STUDENTS = Number(values.students);

const step = (text: string) => console.error(`[bench] ${text}`);

interface Statement {
  text: string;
  params: unknown[];
}

/** Opens the bench database a second time with a logger that keeps every statement sent. */
function capturingDatabase(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const captured: Statement[] = [];
  const db = drizzle(pool, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (text, params) => captured.push({ text, params }) },
  }) as unknown as Database;
  return { db, captured, close: () => pool.end() };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * The bare contender: for each path, replays the statements the gateway sent for it, in one
 * pooled connection, and answers the rows of the main query as JSON.
 */
function bareServer(url: string, replays: Map<string, Statement[]>) {
  // Sessions set up as the gateway's are (src/db/client.ts).
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: "-c jit=off" });
  const server = createServer(async (request, response) => {
    const statements = replays.get(request.url ?? "");
    if (!statements) {
      response.writeHead(404).end();
      return;
    }
    const client = await pool.connect();
    try {
      let rows: unknown[] = [];
      for (const statement of statements) {
        const result = await client.query(statement.text, statement.params);
        if (result.rows.length > rows.length) rows = result.rows;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ records: rows }));
    } catch (error) {
      await client.query("rollback").catch(() => {});
      response.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  });
  return { server, close: () => pool.end() };
}

interface Measurement {
  requestsPerSecond: number;
  /** autocannon has no p95: p97.5 stands in for it, an upper bound. */
  latencyMs: { p50: number; p97_5: number; p99: number; mean: number };
  requests: number;
  non2xx: number;
  errors: number;
}

/** autocannon in a child process, so that it does not compete with the servers for the loop. */
function autocannon(url: string, headers: Record<string, string>, seconds: number) {
  const bin = fileURLToPath(new URL("../node_modules/autocannon/autocannon.js", import.meta.url));
  const args = [bin, "-j", "-c", String(CONNECTIONS), "-d", String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  args.push(url);
  return new Promise<Measurement>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(output);
      resolve({
        requestsPerSecond: result.requests.average,
        latencyMs: {
          p50: result.latency.p50,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          mean: result.latency.average,
        },
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    });
  });
}

/** `tsa-gateway serve --workers N` as its own process tree on the bench database. */
async function servedBy(workers: number, databaseUrl: string, tokenSecret: string) {
  const bin = fileURLToPath(new URL("../bin/tsa-gateway.js", import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), "tsa-rest-bench-serve-"));
  const child = spawn(process.execPath, [bin, "serve", "--workers", String(workers)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: "0",
      TOKEN_SECRET: tokenSecret,
      DB_POOL_MAX: String(POOL_SIZE),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const served = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    url: served,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const loadAtStart = loadavg()[0];
const bench = await freshBenchDatabase({ maxConnections: POOL_SIZE });
const database = { ...bench.handle, url: bench.url };
const { url } = database;
try {
  step(`generating and importing a district of ${STUDENTS} students`);
  const dir = mkdtempSync(join(tmpdir(), "tsa-rest-bench-"));
  const zip = join(dir, "district.zip");
  await writeGeneratedDistrict(zip, { students: STUDENTS, seed: 1 });
  const tenant = await createTenant(database.db, "bench", "Bench District");
  const imported = await importPackage(database.db, tenant, zip, { maxRemovalShare: 1 });
  rmSync(dir, { recursive: true, force: true });
  if (imported.status !== "succeeded") throw new Error(`the import ended ${imported.status}`);
  await database.db.execute(sql`analyze`);
  const client = await createClient(database.db, tenant, {
    name: "bench",
    scopes: ONEROSTER_SCOPES,
    rateLimitPerMinute: 1_000_000_000,
  });
  const config = loadConfig({ TOKEN_SECRET: "bench-secret-that-is-long-enough-for-hs256" });
  // Built as `serve` builds it on PostgreSQL: rate limits spent in the database.
  const app = createApp({
    config,
    db: database.db,
    dbKind: "postgres",
    schemaVersion: null,
    rateLimiter: new PostgresBudgets(database.db),
  });
  const tokenResponse = await app.request("/oauth/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const authorization = { authorization: `Bearer ${token}` };

  const page = (await (
    await app.request(`${ROSTERING}/users?limit=100`, { headers: authorization })
  ).json()) as { users: { sourcedId: string }[] };
  const userId = page.users[50]!.sourcedId;
  const [{ n: userCount } = { n: 0 }] = await withTenant(database.db, tenant.id, (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from users`),
  );
  const lastOffset = Math.floor((userCount - 1) / 100) * 100;
  const paths = {
    item: `/users/${encodeURIComponent(userId)}`,
    list: "/users?limit=100",
    lastPage: `/users?limit=100&offset=${lastOffset}`,
    enrollments: "/enrollments?limit=1000",
  };

  step("capturing the gateway's statements for each request");
  const capture = capturingDatabase(url);
  const capturingApp = createApp({
    config,
    db: capture.db,
    dbKind: "postgres",
    schemaVersion: null,
    // Kept for the whole capture, so no request replays the client-state read.
    clientStates: new ClientStateCache({ ttlMs: 60 * 60_000 }),
  });
  const replays = new Map<string, Statement[]>();
  // The client's state is then cached, as it is under load: only the reads' statements count.
  await capturingApp.request(`${ROSTERING}${paths.item}`, { headers: authorization });
  for (const path of Object.values(paths)) {
    capture.captured.length = 0;
    const response = await capturingApp.request(`${ROSTERING}${path}`, { headers: authorization });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    replays.set(path, [...capture.captured]);
  }
  await capture.close();

  const gatewayServer = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => gatewayServer.once("listening", resolve));
  const gatewayPort = (gatewayServer.address() as AddressInfo).port;
  const bare = bareServer(url, replays);
  const barePort = await listen(bare.server);

  const targets = {
    gateway: (path: string) => `http://127.0.0.1:${gatewayPort}${ROSTERING}${path}`,
    bare: (path: string) => `http://127.0.0.1:${barePort}${path}`,
  };
  const results: Record<string, Record<string, Measurement>> = {};
  for (const [name, path] of Object.entries(paths)) {
    results[name] = {};
    for (const [target, urlOf] of Object.entries(targets)) {
      step(`warming up ${target} ${path}`);
      await autocannon(urlOf(path), authorization, 2);
      step(`measuring ${target} GET ${path}: ${CONNECTIONS} connections, ${DURATION} s`);
      results[name]![target] = await autocannon(urlOf(path), authorization, DURATION);
    }
  }

  step("several processes: `serve --workers N` on the same database");
  const byWorkers: Record<string, Record<string, Measurement>> = {};
  for (const workers of [1, 2]) {
    const served = await servedBy(workers, url, config.TOKEN_SECRET);
    try {
      byWorkers[workers] = {};
      for (const name of ["item", "list"] as const) {
        const target = `${served.url}${ROSTERING}${paths[name]}`;
        await autocannon(target, authorization, 2);
        step(`measuring serve --workers ${workers} GET ${paths[name]}`);
        byWorkers[workers]![name] = await autocannon(target, authorization, DURATION);
      }
    } finally {
      await served.stop();
    }
  }

  gatewayServer.close();
  bare.server.close();
  await bare.close();

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    // The machine may be shared; a load above the CPU count means the figures are squeezed.
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg()[0],
    database: "PostgreSQL (same server for both)",
    district: { students: STUDENTS, users: userCount },
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    poolSize: POOL_SIZE,
    statementsPerRequest: Object.fromEntries(
      Object.entries(paths).map(([name, path]) => [name, replays.get(path)?.length]),
    ),
    paths: Object.fromEntries(Object.entries(paths).map(([name, path]) => [name, `GET ${path}`])),
    results,
    workers: byWorkers,
  };
  const out = fileURLToPath(new URL("results/rest-vs-bare.json", import.meta.url));
  mkdirSync(fileURLToPath(new URL("results", import.meta.url)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  const rows = Object.entries(results).flatMap(([name, byTarget]) =>
    Object.entries(byTarget).map(([target, m]) => ({
      request: report.paths[name as keyof typeof paths],
      server: target,
      "req/s": Math.round(m.requestsPerSecond),
      "p50 ms": m.latencyMs.p50,
      "p97.5 ms": m.latencyMs.p97_5,
      "p99 ms": m.latencyMs.p99,
      "non-2xx": m.non2xx,
    })),
  );
  console.table(rows);
  console.table(
    Object.entries(byWorkers).flatMap(([workers, byName]) =>
      Object.entries(byName).map(([name, m]) => ({
        request: report.paths[name as keyof typeof paths],
        workers,
        "req/s": Math.round(m.requestsPerSecond),
        "p99 ms": m.latencyMs.p99,
      })),
    ),
  );
  step(`wrote ${out}`);
} finally {
  await bench.drop();
}
