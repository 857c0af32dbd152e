import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** /docs works without internet access: everything the page loads comes from the gateway. */

const TYPES: Record<string, RegExp> = {
  js: /^text\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  png: /^image\/png$/,
};

describe("the interactive docs", () => {
  let database: TestDatabase;
  let harness: ReturnType<typeof testApp>;
  let html: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    harness = testApp(database);
    const response = await harness.app.request("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    html = await response.text();
  });
  afterAll(() => database.close());

  const assetUrls = () => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);

  it("names no asset outside the gateway", () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(assetUrls().length).toBeGreaterThanOrEqual(4);
  });

  it("serves every script, stylesheet and icon of the page itself, with a strict content type", async () => {
    for (const url of assetUrls()) {
      const response = await harness.app.request(url ?? "");
      expect(response.status, url).toBe(200);
      const extension = url?.split(".").pop() ?? "";
      expect(response.headers.get("content-type"), url).toMatch(TYPES[extension] ?? /^never$/);
      expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect((await response.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }
  });

  it("lists the gateway document and each service's discovery document, all served", async () => {
    const initializer = await (
      await harness.app.request("/docs/assets/swagger-initializer.js")
    ).text();
    const documents = [...initializer.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
    expect(documents[0]).toBe("/openapi.json");
    expect(documents).toHaveLength(4);
    for (const url of documents) {
      const response = await harness.app.request(url ?? "");
      expect(response.status, url).toBe(200);
      expect(
        Object.keys(((await response.json()) as { paths: object }).paths).length,
      ).toBeGreaterThan(4);
    }
  });

  it("refuses any other file name under the assets path", async () => {
    for (const file of ["package.json", "index.html", "..%2Fpackage.json"]) {
      expect((await harness.app.request(`/docs/assets/${file}`)).status, file).toBe(404);
    }
  });
});
