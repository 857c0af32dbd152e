import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const resultPath = (name: string) =>
  fileURLToPath(new URL(`results/${name}.json`, import.meta.url));
const read = <T>(name: string): T | undefined =>
  existsSync(resultPath(name))
    ? (JSON.parse(readFileSync(resultPath(name), "utf8")) as T)
    : undefined;
const fixed = (n: number | undefined, digits = 2) => (n === undefined ? "–" : n.toFixed(digits));
const round = (n: number | undefined) => (n === undefined ? "–" : String(Math.round(n)));

interface Measurement {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
}
interface RestVsBare {
  date: string;
  connections: number;
  durationSeconds: number;
  district: { students: number };
  paths: Record<string, string>;
  results: Record<string, { gateway: Measurement; bare: Measurement }>;
}
interface ImportRun {
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  maxRssMiB: number;
}
interface ImportVsCopy {
  at: string;
  results: {
    students: number;
    postgres: ImportRun;
    copy: { rowsPerSecond: number; seconds: number };
    importToCopyTimeRatio: number;
    pglite?: ImportRun;
    pgliteToPostgresTimeRatio?: number;
  }[];
}

function restSection(data: RestVsBare): string[] {
  const rows = Object.entries(data.results).map(
    ([name, { gateway, bare }]) =>
      `| \`${data.paths[name]}\` | ${round(gateway.requestsPerSecond)} | ${gateway.latencyMs.p50} / ${gateway.latencyMs.p99} | ${round(bare.requestsPerSecond)} | ${bare.latencyMs.p50} / ${bare.latencyMs.p99} | ${fixed(gateway.requestsPerSecond / bare.requestsPerSecond)} |`,
  );
  return [
    "## OneRoster REST vs a bare handler running the same SQL",
    "",
    `${data.connections} connections, ${data.durationSeconds} s each (autocannon), PostgreSQL, ${data.district.students} students; measured ${data.date}.`,
    "",
    "| Request | Gateway req/s | Gateway p50 / p99 ms | Bare req/s | Bare p50 / p99 ms | Gateway ÷ bare throughput |",
    "|---|---|---|---|---|---|",
    ...rows,
  ];
}

function importSection(data: ImportVsCopy): string[] {
  const rows = data.results.map(
    (r) =>
      `| ${r.students} | ${r.postgres.rows} | ${round(r.postgres.rowsPerSecond)} | ${round(r.copy.rowsPerSecond)} | ${fixed(r.importToCopyTimeRatio)} | ${round(r.postgres.maxRssMiB)} | ${r.pglite ? `${round(r.pglite.rowsPerSecond)} (${fixed(r.pgliteToPostgresTimeRatio)}× the time)` : "–"} |`,
  );
  return [
    "## CSV import vs PostgreSQL COPY of the same rows into the same tables",
    "",
    `Generated districts; import = the whole validated, all-or-nothing import; COPY = the same rows into the same tables (same indexes, constraints, triggers), in one transaction. Peak RSS is the importing process's. Measured ${data.at}.`,
    "",
    "| Students | Rows | Import rows/s | COPY rows/s | Import ÷ COPY time | Import peak RSS MiB | PGlite rows/s |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ];
}

const DOC = fileURLToPath(new URL("../docs/performance.md", import.meta.url));

/** Hand-written sections (a record of changes and their before/after) kept across renders. */
const KEPT_SECTIONS = ["REST reads", "Several processes"];

function keptSections(): string[] {
  if (!existsSync(DOC)) return [];
  const sections = readFileSync(DOC, "utf8").split(/^(?=## )/m);
  return sections
    .filter((section) => KEPT_SECTIONS.some((title) => section.startsWith(`## ${title}\n`)))
    .map((section) => section.trimEnd());
}

/** Rewrites docs/performance.md from the results the benchmarks left in bench/results/. */
export function renderPerformanceDoc(): void {
  const kept = keptSections();
  const rest = read<RestVsBare>("rest-vs-bare");
  const imports = read<ImportVsCopy>("import-vs-copy");
  const lines = [
    "# Performance",
    "",
    "Every figure is a ratio to a baseline measured in the same run on the same machine (2 cores,",
    "shared with PostgreSQL and the load generator); absolute figures move with the machine's load,",
    "the ratios much less.",
    "Produced by `npm run bench` from `bench/results/*.json`; the Worker figures are in",
    "`bench/results/worker-vs-node.json` and the README's Workers section.",
    "",
    ...(rest ? restSection(rest) : []),
    "",
    ...(imports ? importSection(imports) : []),
    "",
    ...kept.flatMap((section) => [section, ""]),
  ];
  writeFileSync(DOC, lines.join("\n"));
}
