import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANDING_LINKS } from "../../src/app/landing.routes.ts";
import { testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

describe("the landing page at /", () => {
  let database: TestDatabase;
  let harness: ReturnType<typeof testApp>;
  let html: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    harness = testApp(database, { PUBLIC_URL: "https://roster.example.org" });
    const response = await harness.app.request("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    html = await response.text();
  });
  afterAll(() => database.close());

  const links = () => [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)];

  it("links the console, the API docs, health and every discovery document", () => {
    const hrefs = links().map((match) => match[1]);
    expect(hrefs).toEqual(
      Object.values(LANDING_LINKS).flatMap((section) => section.map((l) => l.href)),
    );
    for (const href of [
      "/console",
      "/docs",
      "/openapi.json",
      "/health",
      "/health/ready",
      "/ed-fi",
    ]) {
      expect(hrefs).toContain(href);
    }
    expect(hrefs.filter((href) => href?.includes("/discovery/"))).toHaveLength(3);
  });

  it("loads nothing from elsewhere and names the gateway's public address in its token example", () => {
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain("https://roster.example.org/oauth/token");
    expect(html.match(/https?:\/\/[^\s"<]+/g)).toEqual(["https://roster.example.org/oauth/token"]);
  });

  it("is accessible: language, title, one h1, headed sections, link text that says where it goes", () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>TSA Coach Gateway<\/title>/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<main>/);
    for (const section of html.matchAll(/<section aria-labelledby="([^"]+)">/g)) {
      expect(html).toContain(`id="${section[1]}"`);
    }
    for (const [, , text] of links()) expect(text?.trim().length).toBeGreaterThan(3);
    expect(html).toMatch(/:focus-visible/);
  });

  it("every link of this gateway answers", async () => {
    for (const [, href] of links()) {
      if (!href) continue;
      let response = await harness.app.request(href);
      // The console sends a visitor without a session to its sign-in page: follow it once.
      if (response.status === 303) {
        const location = response.headers.get("location") ?? "";
        expect(location, href).toMatch(/^\/console\//);
        response = await harness.app.request(location);
      }
      expect(response.status, href).toBe(200);
    }
  });
});
