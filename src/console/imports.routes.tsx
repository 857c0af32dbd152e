import type { Context, Hono } from "hono";
import { importJobBody, startUploadedImport } from "../admin/index.ts";
import { problemsCsv } from "../csv/index.ts";
import { findImportJob, type ImportJob, listImportJobs } from "../imports/index.ts";
import { ApiError } from "../kernel/errors.ts";
import { type ConsoleEnv, requireConsole } from "./console-env.ts";
import {
  CountsTable,
  heldReasons,
  type ProblemFilter,
  ProblemGroups,
  reportOf,
  totals,
} from "./import-views.tsx";
import { Notice, Page } from "./layout.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 19) : "");

/**
 * The upload form. The script sends it with XMLHttpRequest (upload progress), then follows
 * the import live; `force` is set on the form that confirms a held import.
 */
const UploadForm = (props: { csrf: string; force?: boolean; label: string }) => (
  <form
    class="card upload"
    method="post"
    enctype="multipart/form-data"
    action={`/console/imports?_csrf=${encodeURIComponent(props.csrf)}`}
    data-upload
    data-force={props.force ? "true" : undefined}
  >
    <div class="drop" data-drop>
      <label for={props.force ? "confirm-file" : "file"}>
        {props.force
          ? "Choose the same package again to apply it"
          : "Choose the OneRoster package (.zip), or drop it here"}
      </label>
      <input
        id={props.force ? "confirm-file" : "file"}
        type="file"
        name="file"
        accept=".zip,application/zip"
        required
      />
    </div>
    {!props.force && (
      <p>
        <input type="checkbox" id="dry-run" name="dryRun" value="true" />{" "}
        <label for="dry-run">Dry run: check and count only, change nothing</label>
      </p>
    )}
    <button type="submit" disabled data-needs-script>
      {props.label}
    </button>
    <noscript>
      <Notice kind="error">Uploading from the console needs JavaScript.</Notice>
    </noscript>
    <div class="progress" data-progress hidden>
      <label for={props.force ? "confirm-upload-bar" : "upload-bar"}>Upload</label>
      <progress id={props.force ? "confirm-upload-bar" : "upload-bar"} max="100" value="0" />
      <label for={props.force ? "confirm-import-bar" : "import-bar"}>Import</label>
      <progress id={props.force ? "confirm-import-bar" : "import-bar"} max="100" value="0" />
      <p data-status aria-live="polite" />
      <div data-held hidden>
        <Notice kind="error">
          <span data-held-reason />
        </Notice>
        <button type="button" data-confirm>
          Confirm: apply it and mark these records tobedeleted
        </button>
      </div>
    </div>
  </form>
);

const filterOf = (c: Context<ConsoleEnv>): ProblemFilter => ({
  q: c.req.query("q") ?? "",
  file: c.req.query("file") ?? "",
  severity: c.req.query("severity") ?? "",
});

function ReportPage(props: { job: ImportJob; c: Context<ConsoleEnv> }) {
  const { job, c } = props;
  const report = reportOf(job);
  const filter = filterOf(c);
  const held = heldReasons(job);
  const live = job.status === "queued" || job.status === "running";
  return (
    <Page
      title={`Import report: ${job.fileName ?? "package"}`}
      session={c.var.session}
      csrf={c.var.csrf}
      current="reports"
    >
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge ${job.status}`} data-job-status={job.status}>
            {held.length > 0 ? "held" : job.status}
          </span>
          {job.dryRun && " (dry run: nothing was changed)"}
        </dd>
        <dt>Run by</dt>
        <dd>{job.createdBy ?? ""}</dd>
        <dt>Started</dt>
        <dd>{when(job.createdAt)} UTC</dd>
        {report && (
          <>
            <dt>Problems</dt>
            <dd>
              {report.errors} errors, {report.warnings} warnings
            </dd>
          </>
        )}
      </dl>
      {live && (
        <p data-poll={`/console/imports/${job.id}/status`} aria-live="polite">
          The import is {job.status}; this page updates when it ends.
        </p>
      )}
      {job.error && <Notice kind="error">{job.error}</Notice>}
      {held.length > 0 && (
        <section aria-labelledby="held">
          <h2 id="held">Held for your confirmation</h2>
          {held.map((reason) => (
            <Notice kind="error">{reason}</Notice>
          ))}
          <p>
            Nothing was changed. If these records really left the district, apply the package
            anyway.
          </p>
          <UploadForm csrf={c.var.csrf} force label="Confirm and apply" />
        </section>
      )}
      {report && Object.keys(report.files).length > 0 && (
        <section aria-labelledby="counts">
          <h2 id="counts">Counts</h2>
          <CountsTable files={report.files} />
        </section>
      )}
      {report && report.problems.length > 0 && (
        <section aria-labelledby="problems">
          <h2 id="problems">Problems</h2>
          <form method="get" class="filters" aria-label="Filter the problems">
            <label for="q">Search</label>
            <input id="q" name="q" type="search" value={filter.q} />
            <label for="filter-file">File</label>
            <select id="filter-file" name="file">
              <option value="">All files</option>
              {[...new Set(report.problems.map((p) => p.file))].map((file) => (
                <option value={file} selected={file === filter.file}>
                  {file}
                </option>
              ))}
            </select>
            <label for="filter-severity">Severity</label>
            <select id="filter-severity" name="severity">
              <option value="">Errors and warnings</option>
              <option value="error" selected={filter.severity === "error"}>
                Errors
              </option>
              <option value="warning" selected={filter.severity === "warning"}>
                Warnings
              </option>
            </select>
            <button type="submit">Filter</button>
            <a class="button secondary" href={`/console/imports/${job.id}/problems.csv`} download>
              Download problems (CSV)
            </a>
          </form>
          <ProblemGroups report={report} filter={filter} />
        </section>
      )}
    </Page>
  );
}

/** Upload, live progress, reports and history of imports. */
export function registerImports(console: Hono<ConsoleEnv>): void {
  console.get("/upload", requireConsole("upload"), (c) =>
    c.html(
      <Page title="Upload a roster" session={c.var.session} csrf={c.var.csrf} current="upload">
        <p>
          Upload the district's OneRoster 1.2 CSV package. Every row is checked first; a package
          with errors changes nothing, and the report says where each error is and how to fix it.
        </p>
        <UploadForm csrf={c.var.csrf} label="Upload and import" />
      </Page>,
    ),
  );

  console.post("/imports", requireConsole("upload"), async (c) => {
    const { session } = c.var;
    const job = await startUploadedImport(c.var.deps, c.req.raw, {
      tenantId: session.tenantId,
      createdBy: `console:${session.email}`,
      dryRun: c.req.query("dryRun") === "true",
      force: c.req.query("force") === "true",
    });
    return c.json({ id: job.id, report: `/console/imports/${job.id}` }, 202);
  });

  const jobOf = async (c: Context<ConsoleEnv>) => {
    const id = c.req.param("id") ?? "";
    const job = UUID.test(id)
      ? await findImportJob(c.var.deps.db, c.var.session.tenantId, id)
      : undefined;
    if (!job) throw new ApiError("not_found", `No import ${id} in your district.`);
    return job;
  };

  console.get("/imports/:id/status", requireConsole("reports"), async (c) => {
    const job = await jobOf(c);
    const { report: _report, ...body } = importJobBody(job);
    return c.json({ ...body, held: heldReasons(job) }, 200, { "cache-control": "no-store" });
  });

  console.get("/imports/:id/problems.csv", requireConsole("reports"), async (c) => {
    const job = await jobOf(c);
    return c.body(problemsCsv(reportOf(job)?.problems ?? []), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${job.id}-problems.csv"`,
      "cache-control": "no-store",
    });
  });

  console.get("/imports/:id", requireConsole("reports"), async (c) =>
    c.html(<ReportPage job={await jobOf(c)} c={c} />),
  );

  console.get("/imports", requireConsole("reports"), async (c) => {
    const jobs = await listImportJobs(c.var.deps.db, c.var.session.tenantId);
    return c.html(
      <Page title="Import history" session={c.var.session} csrf={c.var.csrf} current="reports">
        {jobs.length === 0 ? (
          <p>No import yet.</p>
        ) : (
          <table class="history">
            <caption>The district's imports, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Package</th>
                <th scope="col">Status</th>
                <th scope="col">Run by</th>
                <th scope="col" class="num">
                  Inserted
                </th>
                <th scope="col" class="num">
                  Updated
                </th>
                <th scope="col" class="num">
                  Unchanged
                </th>
                <th scope="col" class="num">
                  Tobedeleted
                </th>
                <th scope="col" class="num">
                  Rejected
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const sum = totals(reportOf(job)?.files ?? null);
                return (
                  <tr>
                    <td>
                      <a href={`/console/imports/${job.id}`}>{when(job.createdAt)}</a>
                    </td>
                    <td>{job.fileName}</td>
                    <td>
                      <span class={`badge ${job.status}`}>
                        {heldReasons(job).length > 0 ? "held" : job.status}
                      </span>
                      {job.dryRun && " dry run"}
                    </td>
                    <td>{job.createdBy}</td>
                    <td class="num">{sum?.inserted ?? ""}</td>
                    <td class="num">{sum?.updated ?? ""}</td>
                    <td class="num">{sum?.unchanged ?? ""}</td>
                    <td class="num">{sum?.deleted ?? ""}</td>
                    <td class="num">{sum?.rejected ?? ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Page>,
    );
  });
}
