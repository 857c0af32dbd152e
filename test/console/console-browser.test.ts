import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { createTenant } from "../../src/tenants/tenants.ts";
import { testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";
import { brokenDistrict, consoleUser, PASSWORD } from "./console-support.ts";

const SCREENSHOTS = fileURLToPath(new URL("../../docs/console/", import.meta.url));

describe("the console in a browser (Debian's chromium, headless)", () => {
  let database: TestDatabase;
  let server: ReturnType<typeof serve>;
  let browser: Browser;
  let page: Page;
  let base: string;
  let broken: string;
  let good: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const tenant = await createTenant(database.db, "riverside", "Riverside");
    await consoleUser(database, tenant, "dana@riverside.org", "admin");
    const dir = scratchDir();
    broken = await writePackage(join(dir, "riverside-broken.zip"), brokenDistrict());
    good = await writePackage(join(dir, "riverside.zip"), districtFiles(8));
    const { app } = testApp(database);
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  const shot = (screen: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${screen}.png`), fullPage: true });

  const upload = async (path: string) => {
    await page.goto(`${base}/console/upload`);
    await page.setInputFiles("#file", path);
    await page.click("button[type=submit]:has-text('Upload and import')");
    await page.waitForURL(/\/console\/imports\/[0-9a-f-]{36}$/);
  };

  it("signs in", async () => {
    await page.goto(`${base}/console`);
    expect(page.url()).toBe(`${base}/console/sign-in`);
    await page.fill("#tenant", "riverside");
    await page.fill("#email", "dana@riverside.org");
    await page.fill("#password", PASSWORD);
    await shot("sign-in");
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/console/upload`);
    expect(await page.textContent("header .who")).toContain("dana@riverside.org");
  });

  it("reaches every control of the upload page with the keyboard alone, focus visible", async () => {
    await page.goto(`${base}/console/upload`);
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      reached.push(
        await page.evaluate<string>(
          "document.activeElement.id || document.activeElement.textContent.trim() || document.activeElement.tagName",
        ),
      );
    }
    expect(reached[0]).toBe("Skip to content");
    expect(reached).toEqual(
      expect.arrayContaining(["file", "dry-run", "Upload and import", "Upload"]),
    );
    expect(reached.indexOf("file")).toBeLessThan(reached.indexOf("dry-run"));
    expect(reached.indexOf("dry-run")).toBeLessThan(reached.indexOf("Upload and import"));
    await page.focus("#dry-run");
    const outline = await page.evaluate<string>(
      "getComputedStyle(document.activeElement).outlineStyle",
    );
    expect(outline).toBe("solid");
    await page.keyboard.press("Space");
    expect(await page.isChecked("#dry-run")).toBe(true);
    await shot("upload");
  });

  it("uploads a broken package and shows the located error with its fix, scrolled into view", async () => {
    await upload(broken);
    expect(await page.textContent("[data-job-status]")).toBe("rejected");
    const first = page.locator("#first-error");
    expect(await first.isVisible()).toBe(true);
    const row = await first.textContent();
    expect(row).toContain("03/04/2026");
    expect(row).toMatch(/YYYY-MM-DD/);
    expect(await page.evaluate<string>("document.activeElement.id")).toBe("first-error");
    await shot("report-errors");
    const download = page.waitForEvent("download");
    await page.click("text=Download problems (CSV)");
    expect((await download).suggestedFilename()).toMatch(/problems\.csv$/);
  });

  it("uploads the fixed package and shows what it inserted, file by file", async () => {
    await upload(good);
    expect(await page.textContent("[data-job-status]")).toBe("succeeded");
    const inserted = await page.textContent("tr[data-file='users.csv'] [data-count=inserted]");
    expect(Number(inserted)).toBeGreaterThan(8);
    await shot("report-counts");
    await page.click("nav >> text=History");
    expect(await page.locator("table.history tbody tr").count()).toBe(2);
    await shot("history");
  });

  it("downloads an export with its purpose recorded in the disclosure log", async () => {
    await page.goto(`${base}/console/exports`);
    await page.fill("#purpose", "Library system yearly sync");
    await shot("exports");
    const download = page.waitForEvent("download");
    await page.click("button:has-text('Download')");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^oneroster-bulk-.*\.zip$/);
    expect(await file.failure()).toBeNull();
    // The disclosure commits with the export's snapshot, just after the last byte.
    await expect
      .poll(() =>
        queryRows(
          database.db,
          sql`select actor_id, purpose from audit_logs where entity = 'oneroster-package'`,
        ),
      )
      .toEqual([
        {
          actor_id: "console:dana@riverside.org",
          purpose: "oneroster:export-bulk: Library system yearly sync",
        },
      ]);
  });

  it("stays readable at tablet width", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${base}/console/imports`);
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("history-tablet");
  });
});
