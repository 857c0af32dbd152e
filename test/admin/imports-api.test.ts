import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";
import { tenantSnapshot } from "../support/snapshot.ts";

describe("the imports API", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let zip: Buffer;
  let harness: ReturnType<typeof testApp>;
  let importer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "api-imports", "API imports");
    zip = readFileSync(await writePackage(join(scratchDir(), "district.zip"), districtFiles(20)));
    harness = testApp(database, { UPLOAD_MAX_BYTES: String(zip.length * 4) });
    importer = await bearerFor(harness.app, database, tenant, ["gateway.import"]);
  });
  afterAll(() => database.close());

  const post = (
    body: Buffer | string,
    contentType: string | undefined,
    query = "",
    auth = importer,
  ) =>
    harness.app.request(`/admin/v1/imports${query}`, {
      method: "POST",
      headers: { authorization: auth, ...(contentType ? { "content-type": contentType } : {}) },
      body,
    });

  const waitForJob = async (id: string) => {
    for (let i = 0; i < 300; i++) {
      const response = await harness.app.request(`/admin/v1/imports/${id}`, {
        headers: { authorization: importer },
      });
      const job = (await response.json()) as { status: string };
      if (!["queued", "running"].includes(job.status))
        return job as Record<string, unknown> & { status: string };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the import did not finish");
  };

  it("takes a raw zip, answers 202 with a job, and the job ends succeeded with counts and report", async () => {
    const response = await post(zip, "application/zip", "?dryRun=true");
    expect(response.status).toBe(202);
    const job = (await response.json()) as { id: string; status: string; dryRun: boolean };
    expect(job).toMatchObject({ status: "queued", dryRun: true });
    expect(response.headers.get("location")).toBe(`/admin/v1/imports/${job.id}`);
    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: "succeeded", report: { status: "accepted" } });
    expect(
      (done.counts as Record<string, { inserted: number }>)["users.csv"]?.inserted,
    ).toBeGreaterThan(20);
    const progress = done.progress as { bytesDone: number; bytesTotal: number; rowsDone: number };
    expect(progress.bytesTotal).toBeGreaterThan(zip.length);
    expect(progress.bytesDone).toBe(progress.bytesTotal);
    expect(progress.rowsDone).toBeGreaterThan(20);
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    expect(snapshot.users).toEqual([]);
  });

  it("takes the zip as a multipart field named file and applies it", async () => {
    const form = new FormData();
    form.append("file", new Blob([zip], { type: "application/zip" }), "district.zip");
    const response = await harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: importer },
      body: form,
    });
    expect(response.status).toBe(202);
    const job = (await response.json()) as { id: string; fileName: string };
    expect(job.fileName).toBe("district.zip");
    expect(await waitForJob(job.id)).toMatchObject({ status: "succeeded" });
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    expect(snapshot.users?.length).toBeGreaterThan(20);
    const history = await harness.app.request("/admin/v1/imports", {
      headers: { authorization: importer },
    });
    expect(((await history.json()) as { imports: unknown[] }).imports).toHaveLength(2);
  });

  it("reports a package that is not a zip as rejected, with the reason", async () => {
    const response = await post(Buffer.from("this is not a zip"), "application/zip");
    const job = (await response.json()) as { id: string };
    const done = await waitForJob(job.id);
    expect(done.status).toBe("rejected");
    expect((done.report as { problems: { rule: string }[] }).problems[0]?.rule).toMatch(
      /^(zip|package)\./,
    );
  });

  it("refuses an upload larger than the limit, a wrong media type, and a caller without gateway.import", async () => {
    expect((await post(Buffer.alloc(zip.length * 5), "application/zip")).status).toBe(413);
    expect((await post("a,b", "text/csv")).status).toBe(415);
    const reader = await bearerFor(harness.app, database, tenant, ["roster.readonly"]);
    const forbidden = await post(zip, "application/zip", "", reader);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { code: string }).code).toBe("forbidden");
    expect((await post(zip, "application/zip", "", "Bearer nonsense")).status).toBe(401);
  });

  it("answers 404 for another tenant's import", async () => {
    const other = await createTenant(database.db, "api-other", "Other");
    const stranger = await bearerFor(harness.app, database, other, ["gateway.import"]);
    const [job] = (
      (await (
        await harness.app.request("/admin/v1/imports", { headers: { authorization: importer } })
      ).json()) as { imports: { id: string }[] }
    ).imports;
    const response = await harness.app.request(`/admin/v1/imports/${job?.id}`, {
      headers: { authorization: stranger },
    });
    expect(response.status).toBe(404);
  });
});
