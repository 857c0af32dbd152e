/**
 * The same requests against the gateway in workerd (Miniflare on the wrangler bundle, the
 * database through a local Hyperdrive binding) and on Node (`tsa-gateway serve`: createApp on
 * @hono/node-server over a pg Pool), in one run, on one freshly seeded PostgreSQL database.
 *
 *   npx tsx bench/worker-vs-node.ts [--iterations 60]
 *
 * Writes bench/results/worker-vs-node.json.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { type ServerType, serve } from "@hono/node-server";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { createApp } from "../src/app/create-app.ts";
import { createClient } from "../src/auth/clients.ts";
import { loadConfig } from "../src/config/env.ts";
import type { Database } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import worker from "../src/worker/index.ts";
import { tenantWithDistrict } from "../test/support/fixtures.ts";
import { relay } from "../test/worker/hyperdrive-relay.ts";
import { startWorker, WORKER_TOKEN_SECRET } from "../test/worker/start-worker.ts";
import { buildWorkerBundle, WORKER_BUNDLE, WRANGLER_CONFIG } from "../test/worker/worker-bundle.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ROSTERING = "/ims/oneroster/rostering/v1p2";
const { values } = parseArgs({ options: { iterations: { type: "string", default: "60" } } });
const ITERATIONS = Number(values.iterations);
const WARMUP = 5;
const COLD_STARTS = 3;

process.env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
const { createEmptyDatabase } = await import("../test/support/database.ts");

type TargetName = "workerd" | "workerdNoDelay" | "workerEntryOnNode" | "node";
interface Target {
  name: TargetName;
  url: URL;
  bearer: string;
}

const round = (n: number) => Math.round(n * 100) / 100;
const step = (text: string) => console.error(`[bench] ${text}`);

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]!), n: sorted.length };
}

async function timed(send: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await send();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  return performance.now() - started;
}

interface Credentials {
  clientId: string;
  clientSecret: string;
}

const tokenRequest = (url: URL, credentials: Credentials) =>
  fetch(new URL("/oauth/token", url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }),
  });

async function bearer(url: URL, credentials: Credentials): Promise<string> {
  const body = (await (await tokenRequest(url, credentials)).json()) as { access_token: string };
  return `Bearer ${body.access_token}`;
}

/** `tsa-gateway serve` as an operator starts it; resolves with its URL once it listens. */
function startNode(databaseUrl: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/tsa-gateway.js"), "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      TOKEN_SECRET: WORKER_TOKEN_SECRET,
      // The bench's one client would pass the default limit; the Worker enforces none.
      RATE_LIMIT_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: new URL(match[1]!) });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/**
 * The Worker's own entry (connection and app per request) served by Node, connecting straight
 * to PostgreSQL: what the per-request design costs, apart from workerd and the local relay.
 */
function startWorkerEntryOnNode(databaseUrl: string): Promise<{ server: ServerType; url: URL }> {
  const env = {
    HYPERDRIVE: { connectionString: databaseUrl },
    TOKEN_SECRET: WORKER_TOKEN_SECRET,
  };
  const ctx = {
    waitUntil: (promise: Promise<unknown>) => void promise.catch(() => undefined),
    passThroughOnException() {},
    props: {},
  };
  return new Promise((resolve) => {
    const server = serve(
      { fetch: (request) => worker.fetch(request, env, ctx), port: 0, hostname: "127.0.0.1" },
      (info) => resolve({ server, url: new URL(`http://127.0.0.1:${info.port}`) }),
    );
  });
}

function stopNode(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Start until ready, then the first token request: what the first SIS call of a new instance pays. */
async function coldStarts(databaseUrl: string, credentials: Credentials) {
  const runs: Record<"workerd" | "node", { readyMs: number; firstRequestMs: number }[]> = {
    workerd: [],
    node: [],
  };
  for (let i = 0; i < COLD_STARTS; i++) {
    const worker = await startWorker(databaseUrl);
    runs.workerd.push({
      readyMs: worker.readyMs,
      firstRequestMs: await timed(() => tokenRequest(worker.url, credentials)),
    });
    await worker.dispose();
    const started = performance.now();
    const node = await startNode(databaseUrl);
    const readyMs = performance.now() - started;
    runs.node.push({
      readyMs,
      firstRequestMs: await timed(() => tokenRequest(node.url, credentials)),
    });
    await stopNode(node.child);
  }
  const describe = (list: { readyMs: number; firstRequestMs: number }[]) => ({
    readyMs: summarize(list.map((r) => r.readyMs)).median,
    firstRequestMs: summarize(list.map((r) => r.firstRequestMs)).median,
    totalMs: summarize(list.map((r) => r.readyMs + r.firstRequestMs)).median,
  });
  return { runs: COLD_STARTS, workerd: describe(runs.workerd), node: describe(runs.node) };
}

/** createApp timed inside workerd: a throwaway entry that builds it n times per request. */
async function createAppInWorkerd(): Promise<{ firstMs: number; perBuildMs: number }> {
  // Inside the project: workerd refuses module paths that climb out of the bundle's folder.
  const dir = join(ROOT, "dist/create-app-probe");
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, "probe.ts");
  writeFileSync(
    entry,
    `import { createApp } from "../../src/app/create-app.ts";
import { loadWorkerConfig } from "../../src/config/worker-config.ts";
export default {
  async fetch(request, env) {
    const n = Number(new URL(request.url).searchParams.get("n"));
    const config = loadWorkerConfig(env);
    const started = Date.now();
    for (let i = 0; i < n; i++) createApp({ config, db: {}, dbKind: "postgres", schemaVersion: null });
    return Response.json({ ms: Date.now() - started });
  },
};
`,
  );
  const { compatibilityDate, compatibilityFlags } =
    unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG).workerOptions;
  const built = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
      ...["deploy", "--dry-run", "--outdir", dir, entry, "--name", "probe"],
      ...[
        "--compatibility-date",
        compatibilityDate!,
        "--compatibility-flags",
        ...compatibilityFlags!,
      ],
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  if (built.status !== 0) throw new Error(`probe bundle failed:\n${built.stderr}`);
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, "probe.js"),
    compatibilityDate,
    compatibilityFlags,
    bindings: { TOKEN_SECRET: WORKER_TOKEN_SECRET },
    cf: false,
  });
  try {
    const url = await mf.ready;
    const build = async (n: number) =>
      ((await (await fetch(new URL(`/?n=${n}`, url))).json()) as { ms: number }).ms;
    const firstMs = await build(1);
    const batches: number[] = [];
    for (let i = 0; i < 5; i++) batches.push((await build(100)) / 100);
    return { firstMs, perBuildMs: summarize(batches).median };
  } finally {
    await mf.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU time of the Worker's global scope, profiled by `wrangler check startup` in local
 * workerd: what Cloudflare holds against its startup limit at deploy time.
 */
function startupProfileMs(): number {
  const outfile = join(ROOT, "dist/worker-startup.cpuprofile");
  const profiled = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "check", "startup", "--outfile", outfile],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  if (profiled.status !== 0) throw new Error(`wrangler check startup failed:\n${profiled.stderr}`);
  const profile = JSON.parse(readFileSync(outfile, "utf8")) as {
    startTime: number;
    endTime: number;
  };
  rmSync(outfile, { force: true });
  return round((profile.endTime - profile.startTime) / 1000);
}

function createAppInNode(): { perBuildMs: number } {
  const config = loadConfig({ TOKEN_SECRET: WORKER_TOKEN_SECRET });
  const build = () =>
    createApp({ config, db: {} as Database, dbKind: "postgres", schemaVersion: null });
  for (let i = 0; i < 20; i++) build();
  const batches: number[] = [];
  for (let b = 0; b < 5; b++) {
    const started = performance.now();
    for (let i = 0; i < 100; i++) build();
    batches.push((performance.now() - started) / 100);
  }
  return { perBuildMs: summarize(batches).median };
}

function bundleSize(minify: boolean) {
  const dir = join(ROOT, minify ? "dist/worker-minified" : "dist/worker");
  if (minify) {
    const built = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
        "deploy",
        "--dry-run",
        "--minify",
        "--outdir",
        dir,
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
    );
    if (built.status !== 0) throw new Error(`minified bundle failed:\n${built.stderr}`);
  }
  const bytes = readFileSync(minify ? join(dir, "index.js") : WORKER_BUNDLE);
  if (minify) rmSync(dir, { recursive: true, force: true });
  return { rawKiB: round(bytes.length / 1024), gzipKiB: round(gzipSync(bytes).length / 1024) };
}

step("seeding two districts of 200 students");
const database = await createEmptyDatabase();
try {
  await migrateDatabase(database);
  const tenant = await tenantWithDistrict(database.db, "bench", 200);
  await tenantWithDistrict(database.db, "other", 200);
  const credentials = await createClient(database.db, tenant, {
    name: "bench",
    scopes: ["roster.readonly", "roster-demographics.readonly"],
  });
  const databaseUrl = database.url!;

  step("bundling the Worker");
  buildWorkerBundle();
  const bundle = {
    asBuilt: bundleSize(false),
    minified: bundleSize(true),
    startupProfileMs: startupProfileMs(),
  };

  step("cold starts");
  const coldStart = await coldStarts(databaseUrl, credentials);

  step("createApp");
  const createAppCost = { workerd: await createAppInWorkerd(), node: createAppInNode() };

  const local = await startWorker(databaseUrl);
  const entryOnNode = await startWorkerEntryOnNode(databaseUrl);
  const node = await startNode(databaseUrl);
  try {
    const workerBearer = await bearer(local.url, credentials);
    const nodeBearer = await bearer(node.url, credentials);
    const targets: Target[] = [
      { name: "workerd", url: local.url, bearer: workerBearer },
      { name: "workerdNoDelay", url: local.url, bearer: workerBearer },
      {
        name: "workerEntryOnNode",
        url: entryOnNode.url,
        bearer: await bearer(entryOnNode.url, credentials),
      },
      { name: "node", url: node.url, bearer: nodeBearer },
    ];
    const listed = await fetch(new URL(`${ROSTERING}/users?limit=1`, node.url), {
      headers: { authorization: nodeBearer },
    });
    const userId = ((await listed.json()) as { users: { sourcedId: string }[] }).users[0]!
      .sourcedId;
    const read = (path: string) => (t: Target) =>
      fetch(new URL(`${ROSTERING}${path}`, t.url), { headers: { authorization: t.bearer } });
    const requests: Record<string, (t: Target) => Promise<Response>> = {
      "GET /health": (t) => fetch(new URL("/health", t.url)),
      "POST /oauth/token": (t) => tokenRequest(t.url, credentials),
      "GET users?limit=5": read("/users?limit=5"),
      "GET users/{id}": read(`/users/${userId}`),
      "GET users?limit=100": read("/users?limit=100"),
      "GET classes?limit=20": read("/classes?limit=20"),
    };
    step(`${ITERATIONS} rounds of ${Object.keys(requests).length} requests on each target`);
    const samples = new Map<string, number[]>();
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      for (const [label, send] of Object.entries(requests)) {
        // Rotating the order every round, so drift on the machine hits every target alike.
        for (const target of [
          ...targets.slice(i % targets.length),
          ...targets.slice(0, i % targets.length),
        ]) {
          // Only "workerd" shows Miniflare's relay as shipped (see test/worker/hyperdrive-relay.ts).
          relay.noDelay = target.name !== "workerd";
          const elapsed = await timed(() => send(target));
          if (i < WARMUP) continue;
          const key = `${label}|${target.name}`;
          samples.set(key, [...(samples.get(key) ?? []), elapsed]);
        }
      }
    }
    const latency = Object.fromEntries(
      Object.keys(requests).map((label) => {
        const stats = Object.fromEntries(
          targets.map((t) => [t.name, summarize(samples.get(`${label}|${t.name}`)!)]),
        ) as Record<TargetName, ReturnType<typeof summarize>>;
        return [
          label,
          {
            ...stats,
            medianOverNodeMs: Object.fromEntries(
              targets
                .filter((t) => t.name !== "node")
                .map((t) => [t.name, round(stats[t.name].median - stats.node.median)]),
            ),
          },
        ];
      }),
    );
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { node: process.version, cpu: cpus()[0]?.model, cpus: cpus().length },
      wrangler: (
        JSON.parse(readFileSync(join(ROOT, "node_modules/wrangler/package.json"), "utf8")) as {
          version: string;
        }
      ).version,
      data: "2 tenants, each a generated district of 200 students; PostgreSQL 15 on 127.0.0.1",
      bundle,
      coldStart: {
        ...coldStart,
        notes:
          "Median of the runs. workerd: new Miniflare() on the bundle until ready (this starts the workerd process too), then POST /oauth/token through the relay with TCP_NODELAY. node: spawning `tsa-gateway serve` (tsx transpiles the sources at start) until it listens, then the same request.",
      },
      createApp: createAppCost,
      latency: {
        iterations: ITERATIONS,
        notes:
          "Sequential requests, milliseconds. workerd: a new pg.Client per request through Miniflare's Hyperdrive relay as shipped; workerdNoDelay: the same with TCP_NODELAY on the relay; workerEntryOnNode: src/worker/index.ts served by Node in the bench process, a new pg.Client per request straight to PostgreSQL; node: `tsa-gateway serve`, one app over a pg Pool.",
        requests: latency,
      },
    };
    writeFileSync(
      join(ROOT, "bench/results/worker-vs-node.json"),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await stopNode(node.child);
    entryOnNode.server.close();
    await local.dispose();
  }
} finally {
  await database.close();
}
