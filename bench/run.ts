/**
 * `npm run bench`: every figure beside its baseline, measured in the same run on the same
 * database, for each package size; writes bench/results/<timestamp>.json and rewrites the
 * generated part of docs/performance.md.
 *
 *   npm run bench                               # sizes S, M, L; every suite
 *   npm run bench -- --size M                   # one size (repeat --size for several)
 *   npm run bench -- --size XL --only import    # 1,000,000 students, import and export only
 *   npm run bench -- --only rest                # one suite (repeat --only for several)
 *
 * A suite is a function from a size to figures (`bench/figures.ts`); a new benchmark plugs in
 * as one more entry of SUITES.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { BENCH_SERVER_URL } from "./bench-database.ts";
import { DEFAULT_SIZES, type Figure, machine, SIZES, type SizeName } from "./figures.ts";
import { importExportFigures } from "./import-export.ts";
import { renderPerformanceDoc } from "./render-performance.ts";

const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Runs a benchmark script that writes its own bench/results/<name>.json. */
const script = (file: string, args: string[] = []) => {
  execFileSync(TSX, [here(file), ...args], { stdio: "inherit" });
};

interface SuiteContext {
  size: SizeName;
  students: number;
  /** A scratch directory for packages, removed after the run. */
  dir: string;
}

/** Each suite once per size; a suite that does not depend on the size runs at the first. */
const SUITES: Record<string, (context: SuiteContext, first: boolean) => Promise<Figure[]>> = {
  import: ({ size, students, dir }) =>
    importExportFigures(size, students, dir, { pglite: students <= SIZES.M }),
  rest: async (_context, first) => {
    if (first) script("rest-vs-bare.ts", ["--duration", "10"]);
    return [];
  },
  worker: async (_context, first) => {
    if (first) script("worker-vs-node.ts");
    return [];
  },
};

const { values } = parseArgs({
  options: {
    size: { type: "string", multiple: true },
    only: { type: "string", multiple: true },
  },
});
const sizes = (values.size ?? DEFAULT_SIZES).map((name) => {
  if (!(name in SIZES)) throw new Error(`--size ${name}: use one of ${Object.keys(SIZES)}`);
  return name as SizeName;
});
const suites = values.only ?? Object.keys(SUITES);
for (const name of suites) {
  if (!(name in SUITES)) throw new Error(`--only ${name}: use one of ${Object.keys(SUITES)}`);
}

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    return String((await client.query("show server_version")).rows[0]?.server_version);
  } finally {
    await client.end();
  }
}
const pgliteVersion = (
  JSON.parse(readFileSync(here("../node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
    version: string;
  }
).version;

const at = new Date().toISOString();
const run = {
  at,
  machine: machine(),
  versions: { node: process.version, postgres: await serverVersion(), pglite: pgliteVersion },
  sizes: sizes.map((size) => ({ size, students: SIZES[size] })),
  figures: [] as Figure[],
};
const resultFile = here(`results/${at.replaceAll(":", "-")}.json`);
mkdirSync(here("results"), { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "tsa-bench-"));
try {
  for (const [i, size] of sizes.entries()) {
    for (const name of suites) {
      console.log(`\n== ${name} at ${size} (${SIZES[size]} students)`);
      const figures = await SUITES[name]?.({ size, students: SIZES[size], dir }, i === 0);
      run.figures.push(...(figures ?? []));
      // Written after every suite, so a long run that is cut short still leaves its figures.
      writeFileSync(resultFile, `${JSON.stringify(run, null, 2)}\n`);
      console.table(
        (figures ?? []).map((f) => ({
          figure: f.figure,
          value: `${f.value.toFixed(2)} ${f.unit}`,
          baseline: f.baselineValue?.toFixed(2) ?? "",
          ratio: f.ratio?.toFixed(2) ?? "",
          goal: f.goal ?? "",
          note: f.note ?? "",
        })),
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
renderPerformanceDoc();
console.log(`\nWrote ${resultFile} and docs/performance.md`);
