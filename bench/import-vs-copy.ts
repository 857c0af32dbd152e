/**
 * CSV import against PostgreSQL COPY of the same rows into the same tables, and the import's
 * peak memory at two package sizes, in one run. Each import runs in its own process so its
 * peak RSS is its own; PGlite is measured at the small size beside PostgreSQL.
 *
 *   npx tsx bench/import-vs-copy.ts [--small 10000] [--large 100000]
 *
 * Writes bench/results/import-vs-copy.json and prints a table.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { tenants } from "../src/db/schema/index.ts";
import { writeGeneratedDistrict } from "../src/generate/index.ts";
import { createTenant } from "../src/tenants/tenants.ts";
import { freshBenchDatabase } from "./bench-database.ts";
import { copyBaseline } from "./copy-baseline.ts";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "10000" },
    large: { type: "string", default: "100000" },
  },
});
const sizes = [Number(values.small), Number(values.large)];
const CHILD = fileURLToPath(new URL("import-child.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

interface ReportRow {
  students: number;
  packageRows: number;
  postgres: ChildResult;
  copy: { rows: number; seconds: number; rowsPerSecond: number };
  importToCopyTimeRatio: number;
  pglite?: ChildResult;
  pgliteToPostgresTimeRatio?: number;
}

interface ChildResult {
  status: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMiB: number;
}

const runImport = (zip: string, target: string, slug: string): ChildResult => {
  const output = execFileSync(TSX, [CHILD, zip, target, slug], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as ChildResult;
  if (result.status !== "succeeded") throw new Error(`import ${slug} ended ${result.status}`);
  return result;
};

const dir = mkdtempSync(join(tmpdir(), "tsa-bench-"));
const results: ReportRow[] = [];

/** Written after every size, so a long run that is cut short still leaves its figures. */
function writeReport() {
  const report = { benchmark: "import-vs-copy", at: new Date().toISOString(), results };
  mkdirSync(fileURLToPath(new URL("results", import.meta.url)), { recursive: true });
  writeFileSync(
    fileURLToPath(new URL("results/import-vs-copy.json", import.meta.url)),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}
try {
  for (const students of sizes) {
    const zip = join(dir, `district-${students}.zip`);
    const generated = await writeGeneratedDistrict(zip, { students, seed: 1 });
    const packageRows = Object.values(generated).reduce((sum, n) => sum + n, 0);
    const database = await freshBenchDatabase();
    try {
      const postgres = runImport(zip, database.url, "imported");
      const [imported] = await database.handle.db
        .select()
        .from(tenants)
        .where(eq(tenants.slug, "imported"));
      const copyTarget = await createTenant(database.handle.db, "copied", "copied");
      const copy = await copyBaseline(database.url, imported?.id ?? "", copyTarget.id);
      const pglite = students === sizes[0] ? runImport(zip, "pglite", "embedded") : undefined;
      results.push({
        students,
        packageRows,
        postgres,
        copy: { ...copy, rowsPerSecond: copy.rows / copy.seconds },
        importToCopyTimeRatio: postgres.seconds / copy.seconds,
        ...(pglite ? { pglite, pgliteToPostgresTimeRatio: pglite.seconds / postgres.seconds } : {}),
      });
      writeReport();
    } finally {
      await database.drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const report = { benchmark: "import-vs-copy", at: new Date().toISOString(), results };
mkdirSync(fileURLToPath(new URL("results", import.meta.url)), { recursive: true });
writeFileSync(
  fileURLToPath(new URL("results/import-vs-copy.json", import.meta.url)),
  `${JSON.stringify(report, null, 2)}\n`,
);
console.table(
  results.map((r) => ({
    students: r.students,
    "rows imported": r.postgres.rows,
    "import rows/s": Math.round(r.postgres.rowsPerSecond),
    "COPY rows/s": Math.round(r.copy.rowsPerSecond),
    "import ÷ COPY time": r.importToCopyTimeRatio.toFixed(2),
    "peak RSS MiB": Math.round(r.postgres.maxRssMiB),
    "PGlite ÷ PostgreSQL time": r.pgliteToPostgresTimeRatio?.toFixed(2) ?? "",
  })),
);
