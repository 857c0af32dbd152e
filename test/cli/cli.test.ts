import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePackage } from "../../src/csv/read-package.ts";
import { runCli, startCli } from "../support/cli.ts";
import { createEmptyDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";

describe("the tsa-gateway command", () => {
  let env: Record<string, string>;
  let dataDir: string;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-cli-"));
    env = { DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" };
    if (TEST_DATABASE_URL) {
      database = await createEmptyDatabase();
      env.DATABASE_URL = database.url!;
    }
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the whole deployment as one SQL script", async () => {
    const result = await runCli(["sql"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^-- TSA Coach Gateway/);
    expect(result.stdout).toContain('CREATE TABLE "orgs"');
    expect(result.stdout.trimEnd().endsWith("COMMIT;")).toBe(true);
  });

  it("migrates the database", async () => {
    const result = await runCli(["migrate"], env);
    expect(result.stderr).toMatch(/Schema is at \d{4}_/);
    expect(result.code).toBe(0);
  });

  it("creates a tenant and a client, printing the client as one JSON line", async () => {
    const tenant = await runCli(["tenants", "create", "riverside", "--name", "Riverside USD"], env);
    expect(tenant.code).toBe(0);
    expect(JSON.parse(tenant.stdout)).toMatchObject({ slug: "riverside", name: "Riverside USD" });

    const client = await runCli(
      [
        "clients",
        "create",
        "--tenant",
        "riverside",
        "--name",
        "SIS sync",
        "--scopes",
        "roster.readonly,gateway.import",
      ],
      env,
    );
    expect(client.code).toBe(0);
    const printed = JSON.parse(client.stdout);
    expect(Object.keys(printed)).toEqual(["clientId", "clientSecret", "scopes"]);
    expect(printed.clientId).toMatch(/^riverside\./);
    expect(printed.scopes).toEqual([
      "https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly",
      "gateway.import",
    ]);
  });

  it("explains how to fix a missing tenant, an unknown scope and a bad setting", async () => {
    const noTenant = await runCli(
      ["clients", "create", "--tenant", "nowhere", "--name", "x", "--all"],
      env,
    );
    expect(noTenant.code).toBe(1);
    expect(noTenant.stderr).toContain("npx tsa-gateway tenants create nowhere");

    const badScope = await runCli(
      ["clients", "create", "--tenant", "riverside", "--name", "x", "--scopes", "everything"],
      env,
    );
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain("Unknown scope(s): everything");

    const badPort = await runCli(["serve"], { ...env, PORT: "eighty" });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toMatch(/PORT="eighty": must be a whole number/);
  });

  it("generates a district, imports it with a JSON report, and exports it again", async () => {
    const zip = join(dataDir, "district.zip");
    const generated = await runCli(["generate", zip, "--students", "25", "--seed", "3"], env);
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(/Wrote .*district\.zip: \d+ rows/);

    const dry = await runCli(["import", zip, "--tenant", "riverside", "--dry-run", "--json"], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: "succeeded", dryRun: true });

    const real = await runCli(["import", zip, "--tenant", "riverside", "--json"], env);
    const result = JSON.parse(real.stdout);
    expect(result.status).toBe("succeeded");
    expect(result.report.files["users.csv"].inserted).toBeGreaterThan(25);

    const out = join(dataDir, "export.zip");
    const exported = await runCli(["export", "oneroster", out, "--tenant", "riverside"], env);
    expect(exported.code).toBe(0);
    const report = await validatePackage(out);
    expect(report.problems).toEqual([]);
    expect(report.files["users.csv"]?.read).toBe(result.report.files["users.csv"].inserted);
  });

  it("prints the validation report and exits 1 when a package is rejected", async () => {
    const broken = await runCli(
      ["import", join(dataDir, "missing.zip"), "--tenant", "riverside"],
      env,
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/REJECTED/);
    expect(broken.stdout).toMatch(/fix: /);
  });

  it("keeps partitions ahead and refreshes the dashboards", async () => {
    const result = await runCli(["maintain"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("school_metrics_current");
    expect(result.stdout).toContain("lead_funnel_metrics");
  });

  it("runs the demo: a generated district, a client with every scope, and a server that answers", async () => {
    const demo = await startCli(["demo"], env);
    try {
      const info = JSON.parse(demo.firstLine);
      expect(Object.keys(info)).toEqual(["url", "tenant", "clientId", "clientSecret", "scopes"]);
      expect(info.tenant).toBe("demo");
      expect(info.scopes).toContain("gateway.admin");
      const health = await fetch(`${info.url}/health`).then((r) => r.json());
      expect(health).toMatchObject({
        status: "ok",
        database: TEST_DATABASE_URL ? "postgres" : "pglite",
      });
      const token = await fetch(`${info.url}/oauth/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${info.clientId}:${info.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      });
      expect(token.status).toBe(200);
    } finally {
      await demo.stop();
    }
  });
});
