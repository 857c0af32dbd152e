import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";

describe("uploads that are too large or malformed", () => {
  let database: TestDatabase;
  let zip: Buffer;
  let harness: ReturnType<typeof testApp>;
  let importer: string;
  const uploads = () => join(harness.config.DATA_DIR, "uploads");
  const leftInUploads = () => {
    try {
      return readdirSync(uploads());
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const tenant = await createTenant(database.db, "uploads", "Uploads");
    zip = readFileSync(await writePackage(join(scratchDir(), "district.zip"), districtFiles(20)));
    harness = testApp(database, { UPLOAD_MAX_BYTES: String(Math.floor(zip.length / 2)) });
    importer = await bearerFor(harness.app, database, tenant, ["gateway.import"]);
  });
  afterAll(() => database.close());

  const post = (body: Buffer | string, contentType: string) =>
    harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: importer, "content-type": contentType },
      body,
    });

  const form = (field: string, content: Buffer) => {
    const data = new FormData();
    data.append(field, new Blob([content], { type: "application/zip" }), "district.zip");
    return data;
  };

  it("refuses a raw zip over UPLOAD_MAX_BYTES with 413 and keeps nothing of it", async () => {
    const response = await post(zip, "application/zip");
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/UPLOAD_MAX_BYTES/);
    expect(leftInUploads()).toEqual([]);
  });

  it("refuses a multipart upload over UPLOAD_MAX_BYTES with 413 and keeps nothing of it", async () => {
    const response = await harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: importer },
      body: form("file", zip),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe("payload_too_large");
    expect(leftInUploads()).toEqual([]);
  });

  it("answers 400 to multipart without a boundary, a truncated form, and a form without 'file'", async () => {
    const noBoundary = await post("--x\r\n", "multipart/form-data");
    const truncated = await post(
      '--b\r\ncontent-disposition: form-data; name="file"; filename="a.zip"\r\n\r\nPK',
      "multipart/form-data; boundary=b",
    );
    const noFile = await harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: importer },
      body: form("package", Buffer.from("PK")),
    });
    expect([noBoundary.status, truncated.status, noFile.status]).toEqual([400, 400, 400]);
    expect(((await noBoundary.json()) as { detail: string }).detail).toMatch(/multipart/);
    expect(leftInUploads()).toEqual([]);
  });

  it("takes a package within the limit, and deletes the upload when its job ends", async () => {
    const small = readFileSync(
      await writePackage(join(scratchDir(), "small.zip"), districtFiles(1)),
    );
    expect(small.length).toBeLessThan(zip.length / 2);
    const response = await post(small, "application/zip");
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    let status = "queued";
    while (status === "queued" || status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const job = await harness.app.request(`/admin/v1/imports/${id}`, {
        headers: { authorization: importer },
      });
      ({ status } = (await job.json()) as { status: string });
    }
    expect(status).toBe("succeeded");
    expect(leftInUploads()).toEqual([]);
  });
});
