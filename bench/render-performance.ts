import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Figure } from "./figures.ts";

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
interface BenchRun {
  at: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number };
  versions: { node: string; postgres: string; pglite: string };
  figures: Figure[];
}

const BEGIN = "<!-- bench:generated:start -->";
const END = "<!-- bench:generated:end -->";
const SIZE_ORDER = ["S", "M", "L", "XL"];

/** Every run's file in bench/results, oldest first. */
function benchRuns(): BenchRun[] {
  const dir = fileURLToPath(new URL("results/", import.meta.url));
  return readdirSync(dir)
    .filter((name) => /^\d{4}-\d\d-\d\dT.*\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as BenchRun);
}

const formatValue = (value: number | undefined, unit: string) =>
  value === undefined ? "–" : `${value.toFixed(value < 10 ? 2 : 1)} ${unit}`;

/** The newest measurement of each figure at each size, with the run it came from. */
function overviewSection(runs: BenchRun[]): string[] {
  const latest = new Map<string, { figure: Figure; run: number }>();
  runs.forEach((run, i) => {
    for (const figure of run.figures)
      latest.set(`${figure.suite}|${figure.size}|${figure.figure}`, { figure, run: i + 1 });
  });
  const shown = [...latest.values()].sort(
    (a, b) => SIZE_ORDER.indexOf(String(a.figure.size)) - SIZE_ORDER.indexOf(String(b.figure.size)),
  );
  const used = [...new Set(shown.map((s) => s.run))].sort((a, b) => a - b);
  const rows = shown.map(
    ({ figure: f, run }) =>
      `| ${f.size} | ${f.figure} | ${formatValue(f.value, f.unit)} | ${f.baseline ?? "–"} | ${formatValue(f.baselineValue, f.unit)} | ${f.ratio === undefined ? "–" : `${fixed(f.ratio)}×`} | ${f.goal ?? "–"} | ${f.note ?? ""} | ${used.indexOf(run) + 1} |`,
  );
  const described = used.map((run, i) => {
    const r = runs[run - 1] as BenchRun;
    return `${i + 1}. ${r.at}: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB; Node ${r.versions.node}, PostgreSQL ${r.versions.postgres}, PGlite ${r.versions.pglite}.`;
  });
  return [
    "## Overview",
    "",
    "Sizes: S 1,000, M 10,000, L 100,000, XL 1,000,000 generated students (`src/generate`).",
    "Ratio = the figure over its baseline, both measured in the same run on the same fresh",
    "database; the goal is the issue's bound on that ratio.",
    "",
    "| Size | Figure | Gateway | Baseline | Baseline figure | Ratio | Goal | Note | Run |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Runs (machine, versions):",
    "",
    ...described,
  ];
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

/**
 * Rewrites the generated part of docs/performance.md (between its markers) from the results
 * the benchmarks left in bench/results/; the hand-written sections around it stay.
 */
export function renderPerformanceDoc(): void {
  const path = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
  const rest = read<RestVsBare>("rest-vs-bare");
  const generated = [
    BEGIN,
    ...overviewSection(benchRuns()),
    "",
    ...(rest ? restSection(rest) : []),
    END,
  ].join("\n");
  const doc = existsSync(path) ? readFileSync(path, "utf8") : "# Performance\n";
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  writeFileSync(
    path,
    begin >= 0 && end > begin
      ? `${doc.slice(0, begin)}${generated}${doc.slice(end + END.length)}`
      : `${doc.trimEnd()}\n\n${generated}\n`,
  );
}
