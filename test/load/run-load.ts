/**
 * `npm run test:load`: a real `tsa-gateway demo` server (the demo district, a client with every
 * scope) under LOAD_CONNECTIONS connections (default 64) for LOAD_SECONDS (default 60) on mixed
 * endpoints: OneRoster lists, items, nested and filtered reads, demographics, tokens, health,
 * and one client whose own limit is 10 a minute (its 429s are deliberate); meanwhile a district
 * downloads its CSV export back to back on one more connection.
 *
 *   npm run test:load                                   # PGlite in a temporary DATA_DIR
 *   TEST_DATABASE_URL=postgres://… npm run test:load    # a fresh database on that server
 *   LOAD_SECONDS=10 LOAD_CONNECTIONS=16 npm run test:load
 *
 * Prints the counts and latencies, and exits 1 on any connection error or timeout, any non-2xx
 * answer but the throttled client's 429s, or a server that stopped.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";

const BIN = fileURLToPath(new URL("../../bin/tsa-gateway.js", import.meta.url));
const ROSTERING = "/ims/oneroster/rostering/v1p2";
const THROTTLED_PER_MINUTE = 10;
const EXPORT = "/admin/v1/exports/oneroster.zip";

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name}=${raw} is not a whole number above 0; unset it or set e.g. ${name}=10`);
    process.exit(2);
  }
  return value;
}
const SECONDS = setting("LOAD_SECONDS", 60);
const CONNECTIONS = setting("LOAD_CONNECTIONS", 64);
const SERVER_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const step = (text: string) => console.error(`[load] ${text}`);

/** A fresh database on the PostgreSQL server, migrated by the CLI, and how to drop it. */
async function freshPostgres(serverUrl: string) {
  const name = `tsa_load_${Date.now()}_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const drop = () => admin(`drop database if exists ${name} with (force)`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  try {
    execFileSync(process.execPath, [BIN, "migrate"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}

interface Demo {
  url: string;
  clientId: string;
  clientSecret: string;
}

/** `tsa-gateway demo` on a free port, with its settings. */
const spawnDemo = (env: NodeJS.ProcessEnv) =>
  spawn(process.execPath, [BIN, "demo"], {
    env: { ...env, PORT: "0", HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "1000000000" },
    stdio: ["ignore", "pipe", "inherit"],
  });

/** The JSON line demo prints once it serves (its URL and its client's credentials). */
async function demoReady(child: ChildProcess): Promise<Demo> {
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`tsa-gateway demo exited with ${code} before serving`);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = once(lines, "line").then(([line]) => JSON.parse(String(line)) as Demo);
  return Promise.race([first, exited]);
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${response.status}`);
  return (await response.json()) as T;
}

const tokenRequest = (clientId: string, clientSecret: string) => ({
  method: "POST",
  headers: {
    authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    "content-type": "application/x-www-form-urlencoded",
  },
  body: "grant_type=client_credentials",
});

async function tokenFor(url: string, clientId: string, clientSecret: string): Promise<string> {
  const body = await json<{ access_token: string }>(
    `${url}/oauth/token`,
    tokenRequest(clientId, clientSecret),
  );
  return body.access_token;
}

interface Endpoint {
  label: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's own rate limit answers 429 here on purpose. */
  throttled?: boolean;
}

/**
 * A district downloading its CSV export back to back until `stop`, beside the API load: one
 * export at a time, as a district runs it, rather than one per connection.
 */
async function exportLoop(url: string, authorization: string, stop: Promise<unknown>) {
  const statuses = new Map<number, number>();
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  while (!stopped) {
    const response = await fetch(`${url}${EXPORT}`, { headers: { authorization } }).catch(
      () => undefined,
    );
    const status = response ? response.status : 0;
    if (response) await response.arrayBuffer().catch(() => undefined);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  return statuses;
}

/** The API mix: what SIS vendors' syncs and a monitor ask for. */
async function endpoints(
  { url, clientId, clientSecret }: Demo,
  bearer: { authorization: string },
): Promise<Endpoint[]> {
  type Ref = { sourcedId: string };
  const { enrollments } = await json<{
    enrollments: { user: Ref; class: Ref; school: Ref }[];
  }>(`${url}${ROSTERING}/enrollments?filter=role%3D'student'&limit=1`, { headers: bearer });
  const [enrollment] = enrollments;
  if (!enrollment) throw new Error("the demo district has no student enrollment");
  const throttled = await json<{ clientId: string; clientSecret: string }>(
    `${url}/admin/v1/clients`,
    {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({
        name: "throttled",
        scopes: ["roster.readonly"],
        rateLimitPerMinute: THROTTLED_PER_MINUTE,
      }),
    },
  );
  const throttledBearer = {
    authorization: `Bearer ${await tokenFor(url, throttled.clientId, throttled.clientSecret)}`,
  };
  const student = encodeURIComponent(enrollment.user.sourcedId);
  const read = (label: string, path: string): Endpoint => ({
    label,
    path: `${ROSTERING}${path}`,
    headers: bearer,
  });
  return [
    read("users page", "/users?limit=100"),
    {
      label: "throttled client",
      path: `${ROSTERING}/orgs`,
      headers: throttledBearer,
      throttled: true,
    },
    read("student", `/students/${student}`),
    read("class roster", `/classes/${encodeURIComponent(enrollment.class.sourcedId)}/students`),
    read("delta enrollments", "/enrollments?filter=dateLastModified>'2020-01-01'&limit=50"),
    read("demographics", `/demographics/${student}`),
    read("school classes", `/schools/${encodeURIComponent(enrollment.school.sourcedId)}/classes`),
    read("orgs", "/orgs"),
    read("terms", "/terms"),
    { label: "token", path: "/oauth/token", ...tokenRequest(clientId, clientSecret) },
    { label: "health", path: "/health" },
  ];
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "tsa-load-"));
  const postgres = SERVER_URL ? await freshPostgres(SERVER_URL) : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (postgres) env.DATABASE_URL = postgres.url;
  step(`starting tsa-gateway demo on ${postgres ? "PostgreSQL" : "PGlite"}`);
  const child = spawnDemo(env);
  try {
    const demo = await demoReady(child);
    const bearer = {
      authorization: `Bearer ${await tokenFor(demo.url, demo.clientId, demo.clientSecret)}`,
    };
    const mix = await endpoints(demo, bearer);
    const counts = new Map<string, Map<number, number>>();
    const unexpected: string[] = [];
    let unexpectedCount = 0;
    step(`${CONNECTIONS} connections for ${SECONDS} s on ${mix.length} endpoints`);
    let finished!: () => void;
    const exports = exportLoop(
      demo.url,
      bearer.authorization,
      new Promise<void>((resolve) => {
        finished = resolve;
      }),
    );
    const result = await autocannon({
      url: demo.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: mix.map((endpoint) => ({
        method: endpoint.method ?? "GET",
        path: endpoint.path,
        ...(endpoint.headers ? { headers: endpoint.headers } : {}),
        ...(endpoint.body ? { body: endpoint.body } : {}),
        onResponse: (status: number, body: string) => {
          const byStatus = counts.get(endpoint.label) ?? new Map<number, number>();
          counts.set(endpoint.label, byStatus.set(status, (byStatus.get(status) ?? 0) + 1));
          const expected = status < 300 || (endpoint.throttled && status === 429);
          if (expected) return;
          unexpectedCount++;
          // The first few, to say what went wrong; the count says how often.
          if (unexpected.length < 5)
            unexpected.push(`${endpoint.label} answered ${status}: ${body.slice(0, 200)}`);
        },
      })),
    });
    finished();
    const exported = await exports;
    counts.set("CSV export, 1 at a time", exported);
    const failedExports = [...exported].filter(([status]) => status !== 200);
    // A burst of a minute's worth, then the rate itself, over the run.
    const throttledBudget = Math.ceil(THROTTLED_PER_MINUTE * (1 + SECONDS / 60)) + 1;
    const throttledServed = counts.get("throttled client")?.get(200) ?? 0;
    const alive = child.exitCode === null && child.signalCode === null;
    const ready = alive ? (await fetch(`${demo.url}/health/ready`)).status : 0;

    console.log(
      `\n${postgres ? "PostgreSQL" : "PGlite"}, ${CONNECTIONS} connections, ${SECONDS} s: ` +
        `${result.requests.total} requests (${Math.round(result.requests.average)}/s), ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
    for (const [label, byStatus] of counts)
      console.log(`  ${label.padEnd(24)} ${[...byStatus].map(([s, n]) => `${s}×${n}`).join(" ")}`);

    const failures = [
      ...(result.errors > 0 ? [`${result.errors} connection errors`] : []),
      ...(result.timeouts > 0 ? [`${result.timeouts} timeouts`] : []),
      ...failedExports.map(([status, n]) => `${n} exports answered ${status || "no response"}`),
      ...(exported.get(200) ? [] : ["no export completed"]),
      ...(unexpectedCount > 0 ? [`${unexpectedCount} unexpected answers`, ...unexpected] : []),
      ...(throttledServed <= throttledBudget
        ? []
        : [
            `the throttled client was served ${throttledServed} times, more than its budget of ${throttledBudget}`,
          ]),
      ...(alive ? [] : ["the server stopped during the run"]),
      ...(ready === 200 ? [] : [`/health/ready answered ${ready} after the run`]),
    ];
    for (const failure of failures) console.error(`[load] FAIL ${failure}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
