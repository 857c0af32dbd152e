/**
 * `npm run bench`: every benchmark in turn, each a ratio to a baseline measured in the same run,
 * then docs/performance.md rewritten from bench/results/*.json.
 *
 *   npm run bench                 # full sizes
 *   BENCH_QUICK=1 npm run bench   # small sizes, for a smoke run
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { renderPerformanceDoc } from "./render-performance.ts";

const quick = process.env.BENCH_QUICK === "1";
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const runs: [string, string[]][] = [
  ["rest-vs-bare.ts", quick ? ["--duration", "3"] : ["--duration", "10"]],
  [
    "import-vs-copy.ts",
    quick ? ["--small", "1000", "--large", "5000"] : ["--small", "10000", "--large", "100000"],
  ],
  ["worker-vs-node.ts", []],
];

for (const [script, args] of runs) {
  console.log(`\n== ${script} ${args.join(" ")}`);
  execFileSync(TSX, [here(script), ...args], { stdio: "inherit" });
}
renderPerformanceDoc();
console.log("\nWrote docs/performance.md");
