// Fails the CI run when a vitest JSON report (`--reporter=json --outputFile=…`) holds a skipped
// or todo test. CI has ../shared and every PostgreSQL extension, so nothing may skip there.
import { readFileSync } from "node:fs";

const [path, label] = process.argv.slice(2);
const report = JSON.parse(readFileSync(path, "utf8"));
const skipped = report.testResults.flatMap((file) =>
  file.assertionResults
    .filter(
      (test) => test.status === "pending" || test.status === "todo" || test.status === "skipped",
    )
    .map((test) => `${file.name.replace(`${process.cwd()}/`, "")}: ${test.fullName}`),
);
if (skipped.length > 0) {
  console.error(`${label}: ${skipped.length} test(s) skipped, which CI does not allow:`);
  for (const name of skipped) console.error(`  - ${name}`);
  process.exit(1);
}
console.log(`${label}: ${report.numPassedTests} passed, 0 skipped`);
