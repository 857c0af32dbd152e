import type { FileCounters, ImportReport, Problem } from "../csv/index.ts";
import type { ImportJob } from "../imports/index.ts";

/** The rule of a bulk import held because it would remove too many records. */
export const HELD_RULE = "import.removal_held";

export const reportOf = (job: ImportJob) => job.report as unknown as ImportReport | null;

/** Why an import is held for confirmation, or nothing when it is not. */
export const heldReasons = (job: ImportJob): string[] =>
  (reportOf(job)?.problems ?? []).filter((p) => p.rule === HELD_RULE).map((p) => p.message);

const COUNT_COLUMNS: { key: keyof FileCounters; label: string }[] = [
  { key: "read", label: "Rows read" },
  { key: "inserted", label: "Inserted" },
  { key: "updated", label: "Updated" },
  { key: "unchanged", label: "Unchanged" },
  { key: "deleted", label: "Marked tobedeleted" },
  { key: "rejected", label: "Rejected" },
];

/** Sums of every file's counters, for the history list. */
export function totals(files: Record<string, FileCounters> | null): FileCounters | null {
  if (!files) return null;
  const sum: FileCounters = {
    read: 0,
    rejected: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
  };
  for (const counters of Object.values(files)) {
    for (const { key } of COUNT_COLUMNS) sum[key] += counters[key];
  }
  return sum;
}

export const CountsTable = (props: { files: Record<string, FileCounters> }) => (
  <table class="counts">
    <caption>What the import did, file by file</caption>
    <thead>
      <tr>
        <th scope="col">File</th>
        {COUNT_COLUMNS.map((column) => (
          <th scope="col" class="num">
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {Object.entries(props.files).map(([file, counters]) => (
        <tr data-file={file}>
          <th scope="row">{file}</th>
          {COUNT_COLUMNS.map((column) => (
            <td class="num" data-count={column.key}>
              {counters[column.key].toLocaleString("en-US")}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

export interface ProblemFilter {
  q: string;
  file: string;
  severity: string;
}

/** The problems that pass the filter, grouped by file, then by rule, in the order found. */
export function groupProblems(problems: readonly Problem[], filter: ProblemFilter) {
  const q = filter.q.toLowerCase();
  const groups = new Map<string, Map<string, Problem[]>>();
  for (const problem of problems) {
    if (filter.file && problem.file !== filter.file) continue;
    if (filter.severity && problem.severity !== filter.severity) continue;
    const text = [problem.rule, problem.message, problem.fix, problem.value, problem.column]
      .join(" ")
      .toLowerCase();
    if (q && !text.includes(q)) continue;
    const byRule = groups.get(problem.file) ?? new Map<string, Problem[]>();
    groups.set(problem.file, byRule);
    byRule.set(problem.rule, [...(byRule.get(problem.rule) ?? []), problem]);
  }
  return groups;
}

/** Problems grouped by file and rule, each located (line, column, value) with its fix. */
export function ProblemGroups(props: { report: ImportReport; filter: ProblemFilter }) {
  const groups = groupProblems(props.report.problems, props.filter);
  if (groups.size === 0) return <p>No problem matches.</p>;
  let firstError = true;
  return (
    <div class="problems">
      {[...groups].map(([file, byRule]) => (
        <section aria-labelledby={`file-${file}`}>
          <h3 id={`file-${file}`}>{file}</h3>
          {[...byRule].map(([rule, problems]) => {
            const total = props.report.counts[file]?.[rule]?.count ?? problems.length;
            return (
              <table class="problem-table">
                <caption>
                  <code>{rule}</code> · {problems[0]?.severity} ·{" "}
                  {total > problems.length
                    ? `${problems.length} shown of ${total}`
                    : `${total} ${total === 1 ? "occurrence" : "occurrences"}`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      Line
                    </th>
                    <th scope="col">Column</th>
                    <th scope="col">Value</th>
                    <th scope="col">Problem</th>
                    <th scope="col">How to fix it</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((problem) => {
                    const first = firstError && problem.severity === "error";
                    if (first) firstError = false;
                    return (
                      <tr
                        class={problem.severity}
                        id={first ? "first-error" : undefined}
                        tabindex={first ? -1 : undefined}
                      >
                        <td class="num">{problem.line ?? ""}</td>
                        <td>{problem.column ?? ""}</td>
                        <td>
                          <code>{problem.value ?? ""}</code>
                        </td>
                        <td>{problem.message}</td>
                        <td>{problem.fix}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            );
          })}
        </section>
      ))}
    </div>
  );
}
