/**
 * What the schema costs a write: the same rows COPY'd into our tables at each schema version
 * from `--from` (the last migration before the schema-cost changes) to the newest, beside the
 * floor of COPY into plain text tables of the same columns, all in one run. Rows come from one
 * imported generated district; every COPY is one transaction with the references deferred, so
 * their checks are timed at commit. Rounds alternate the versions, and the best round counts.
 *
 *   npx tsx bench/schema-costs.ts [--students 10000] [--rounds 2] [--from 0019_client_secret_version]
 *
 * Writes bench/results/schema-costs.json and prints a table.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getTableColumns, getTableName } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { LOAD_ORDER } from "../src/csv/catalogue.ts";
import { MIGRATIONS_FOLDER, readJournal } from "../src/db/migrate.ts";
import { entityOfFile } from "../src/entities/index.ts";
import { writeGeneratedDistrict } from "../src/generate/index.ts";
import { BENCH_SERVER_URL, freshBenchDatabase } from "./bench-database.ts";

const { values } = parseArgs({
  options: {
    students: { type: "string", default: "10000" },
    rounds: { type: "string", default: "2" },
    from: { type: "string", default: "0019_client_secret_version" },
  },
});
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const CHILD = fileURLToPath(new URL("import-child.ts", import.meta.url));

const journal = readJournal();
const first = journal.findIndex((entry) => entry.tag === values.from);
if (first < 0)
  throw new Error(`--from ${values.from} is no migration of drizzle/meta/_journal.json`);
const versions = journal.slice(first).map((entry) => entry.tag);

/** Every table a package fills, with the columns COPY writes (all but the generated id). */
const TABLES = LOAD_ORDER.map((file) => {
  const table = entityOfFile(file).table;
  const columns = Object.keys(getTableColumns(table))
    .filter((key) => key !== "id")
    .map((key) => toSnakeCase(key));
  return { name: getTableName(table), columns };
});
const columnList = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");

/** A migrations folder holding the journal up to and including `tag`. */
function migrationsUpTo(dir: string, tag: string): string {
  const folder = join(dir, tag);
  mkdirSync(join(folder, "meta"), { recursive: true });
  const entries = journal.slice(0, journal.findIndex((entry) => entry.tag === tag) + 1);
  for (const entry of entries) {
    copyFileSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  }
  writeFileSync(
    join(folder, "meta", "_journal.json"),
    JSON.stringify({ version: "7", dialect: "postgresql", entries }),
  );
  return folder;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Load {
  rows: number;
  seconds: number;
  /** Of which the commit, where the deferred reference checks run. */
  commitSeconds: number;
  tables: Record<string, number>;
}

/**
 * COPY of the source tenant's rows into `target`'s tables (for `tenantId`), or into plain text
 * tables of the same columns when `tenantId` is undefined.
 */
async function load(source: Source, target: string, tenantId?: string): Promise<Load> {
  return withClient(source.url, (from) =>
    withClient(target, async (into) => {
      const tables: Record<string, number> = {};
      let rows = 0;
      await into.query("begin");
      await into.query("set constraints all deferred");
      const started = performance.now();
      for (const { name, columns } of TABLES) {
        const select = columns
          .map((c) => (c === "tenant_id" ? `'${tenantId ?? source.tenantId}'::uuid` : `"${c}"`))
          .join(", ");
        const tableStarted = performance.now();
        const into_ = into.query(
          copyStreams.from(
            `copy ${tenantId ? name : `plain.${name}`} (${columnList(columns)}) from stdin`,
          ),
        );
        await pipeline(
          from.query(
            copyStreams.to(
              `copy (select ${select} from ${name} where tenant_id = '${source.tenantId}') to stdout`,
            ),
          ),
          into_,
        );
        rows += Number((into_ as unknown as { rowCount: number }).rowCount ?? 0);
        tables[name] = (performance.now() - tableStarted) / 1000;
      }
      const committing = performance.now();
      await into.query("commit");
      const ended = performance.now();
      return {
        rows,
        seconds: (ended - started) / 1000,
        commitSeconds: (ended - committing) / 1000,
        tables,
      };
    }),
  );
}

/** A database on the bench server, created by `prepare` and dropped after `work`. */
async function scratchDatabase<T>(
  prepare: (url: string) => Promise<void>,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `tsa_bench_schema_${process.pid}`;
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  await withClient(BENCH_SERVER_URL, (c) => c.query(`create database ${name}`));
  try {
    await prepare(url.toString());
    return await work(url.toString());
  } finally {
    await withClient(BENCH_SERVER_URL, (c) => c.query(`drop database ${name} with (force)`));
  }
}

interface Source {
  url: string;
  tenantId: string;
}

const dir = mkdtempSync(join(tmpdir(), "tsa-bench-schema-"));
const source = await freshBenchDatabase();
const results: { round: number; version: string; load: Load }[] = [];
try {
  const zip = join(dir, "district.zip");
  await writeGeneratedDistrict(zip, { students: Number(values.students), seed: 1 });
  execFileSync(TSX, [CHILD, zip, source.url, "source"], { stdio: ["ignore", "ignore", "inherit"] });
  const [row] = await withClient(
    source.url,
    async (c) => (await c.query("select id from tenants where slug = 'source'")).rows,
  );
  const from: Source = { url: source.url, tenantId: String(row.id) };
  for (let round = 1; round <= Number(values.rounds); round += 1) {
    const plain = await scratchDatabase(
      (url) =>
        withClient(url, async (c) => {
          await c.query("create schema plain");
          for (const { name, columns } of TABLES) {
            await c.query(
              `create table plain.${name} (${columns.map((col) => `"${col}" text`).join(", ")})`,
            );
          }
        }),
      (url) => load(from, url),
    );
    results.push({ round, version: "plain text tables", load: plain });
    for (const version of versions) {
      const folder = migrationsUpTo(dir, version);
      const loaded = await scratchDatabase(
        (url) => withClient(url, (c) => migrate(drizzle(c), { migrationsFolder: folder })),
        (url) =>
          withClient(url, async (c) => {
            const tenant = await c.query(
              "insert into tenants (slug, name) values ('copied', 'copied') returning id",
            );
            return load(from, url, String(tenant.rows[0].id));
          }),
      );
      results.push({ round, version, load: loaded });
    }
  }
} finally {
  await source.drop();
  rmSync(dir, { recursive: true, force: true });
}

/** The best round of each version, as a ratio to the best plain-text round. */
const best = new Map<string, Load>();
for (const { version, load: l } of results) {
  const held = best.get(version);
  if (!held || l.seconds < held.seconds) best.set(version, l);
}
const floor = best.get("plain text tables")?.seconds ?? Number.NaN;
const summary = [...best].map(([version, l]) => ({
  version,
  rows: l.rows,
  seconds: l.seconds,
  commitSeconds: l.commitSeconds,
  ratioToPlain: l.seconds / floor,
  results: l.tables.results,
}));
const report = {
  benchmark: "schema-costs",
  at: new Date().toISOString(),
  students: Number(values.students),
  summary,
  rounds: results,
};
mkdirSync(fileURLToPath(new URL("results", import.meta.url)), { recursive: true });
writeFileSync(
  fileURLToPath(new URL("results/schema-costs.json", import.meta.url)),
  `${JSON.stringify(report, null, 2)}\n`,
);
console.table(
  summary.map((s) => ({
    schema: s.version,
    rows: s.rows,
    "COPY s": s.seconds.toFixed(2),
    "of which commit s": s.commitSeconds.toFixed(2),
    "results.csv s": s.results?.toFixed(2),
    "÷ plain": s.ratioToPlain.toFixed(2),
  })),
);
