import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport, Problem } from "../../src/csv/index.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantChecksum } from "../support/snapshot.ts";
import { type PackageBytes, readFolderBytes, zipBytes } from "./package-bytes.ts";

const BULK = fileURLToPath(new URL("../../fixtures/csv/valid-bulk-1.2/", import.meta.url));

interface Job {
  status: string;
  report: ImportReport | null;
  error: string | null;
}

/** The fixture package with one file's text changed. */
function withFile(name: string, change: (text: string) => string | Buffer): PackageBytes {
  const entries = readFolderBytes(BULK);
  const changed = change((entries.get(name) as Buffer).toString("utf8"));
  entries.set(name, typeof changed === "string" ? Buffer.from(changed) : changed);
  return entries;
}

const errorsOf = (job: Job): Problem[] =>
  job.report?.problems.filter((p) => p.severity === "error") ?? [];
/** The row's rejection also makes the bulk file remove that user; only the cause matters here. */
const controlErrors = (job: Job): Problem[] =>
  errorsOf(job).filter((p) => p.rule === "cell.control_character");

describe("control characters in an uploaded package", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let importer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "controls", "Controls");
    harness = testApp(database);
    importer = await bearerFor(harness.app, database, tenant, ["gateway.import"]);
    expect((await upload(readFolderBytes(BULK))).status).toBe("succeeded");
  });
  afterAll(() => database.close());

  /** Uploads the package through the API and waits for its job to end. */
  async function upload(entries: PackageBytes): Promise<Job> {
    const started = await harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: importer, "content-type": "application/zip" },
      body: await zipBytes(entries),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    for (;;) {
      const response = await harness.app.request(`/admin/v1/imports/${id}`, {
        headers: { authorization: importer },
      });
      const job = (await response.json()) as Job;
      if (!["queued", "running"].includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("refuses a NUL byte in a cell as a validation error at its file, line and column, changing nothing", async () => {
    const before = await tenantChecksum(database.db, tenant.id);
    const job = await upload(
      withFile("users.csv", (text) => text.replace("Samuel", "Sam\u0000uel")),
    );
    expect(job.status).toBe("rejected");
    expect(errorsOf(job).map((p) => p.rule)).not.toContain("import.database_refused");
    expect(controlErrors(job)).toEqual([
      {
        severity: "error",
        file: "users.csv",
        line: 3,
        column: "givenName",
        rule: "cell.control_character",
        message: "The cell holds the invisible control character U+0000 (NUL) at character 4.",
        fix: "Delete the invisible character from the cell (it often comes from a copy-paste or a database export), then save the file again.",
      },
    ]);
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);
  });

  it("refuses the other invisible controls the same way, in metadata columns too", async () => {
    const job = await upload(
      withFile("users.csv", (text) =>
        text.replace("Okafor", "Oka\u001b[31mfor").replace(",es\n", ",e\u0007s\n"),
      ),
    );
    expect(controlErrors(job).map((p) => [p.line, p.column, p.message])).toEqual([
      [
        2,
        "metadata.homeLanguage",
        "The cell holds the invisible control character U+0007 at character 2.",
      ],
      [
        3,
        "familyName",
        "The cell holds the invisible control character U+001B (ESC) at character 4.",
      ],
    ]);
  });

  it("keeps a tab inside free text, since it is ordinary whitespace", async () => {
    const job = await upload(withFile("users.csv", (text) => text.replace("Samuel", "Sam\tuel")));
    expect(errorsOf(job)).toEqual([]);
    expect(job.status).toBe("succeeded");
  });

  it("stores and shows a report that quotes a control character from a header, as its picture", async () => {
    const job = await upload(withFile("orgs.csv", (text) => text.replace("name", "na\u0000me")));
    expect(job.status).toBe("rejected");
    expect(job.error).toBeNull();
    expect(errorsOf(job)).toContainEqual(
      expect.objectContaining({ file: "orgs.csv", line: 1, column: "na␀me" }),
    );
  });

  it("refuses a file saved as UTF-16 without a byte-order mark as not UTF-8", async () => {
    const job = await upload(withFile("orgs.csv", (text) => Buffer.from(text, "utf16le")));
    expect(errorsOf(job).map((p) => [p.file, p.line, p.rule])).toEqual([
      ["orgs.csv", 1, "csv.not_utf8"],
    ]);
  });
});
