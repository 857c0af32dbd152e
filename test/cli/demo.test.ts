import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startCli } from "../support/cli.ts";
import { createEmptyDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";

const STACK = /^\s+at /m;

interface DemoLine {
  url: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
}

async function tokenStatus(
  demo: DemoLine,
  client: DemoLine,
): Promise<{ status: number; token?: string }> {
  const response = await fetch(`${demo.url}/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const body = (await response.json()) as { access_token?: string };
  return { status: response.status, token: body.access_token };
}

describe("tsa-gateway demo, run again and again", () => {
  let env: Record<string, string>;
  let dataDir: string;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-demo-"));
    env = { DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" };
    if (TEST_DATABASE_URL) {
      database = await createEmptyDatabase();
      env.DATABASE_URL = database.url!;
      expect((await runCli(["migrate"], env)).code).toBe(0);
    }
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const demoClients = async () => {
    const list = await runCli(["clients", "list", "--tenant", "demo", "--json"], env);
    expect(list.code).toBe(0);
    return JSON.parse(list.stdout) as { clientId: string; revokedAt: string | null }[];
  };

  it("on a port in use, says so without a stack trace and prints no client", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = await runCli(["demo"], { ...env, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use.*set PORT`),
      );
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("Creating tenant 'demo'");
    } finally {
      taken.close();
    }
    expect(await demoClients()).toEqual([]);
  });

  it("builds the current school year, reuses its tenant and revokes the client it printed before", async () => {
    const first = await startCli(["demo"], env);
    let previous: DemoLine;
    try {
      previous = JSON.parse(first.firstLine);
      const { status, token } = await tokenStatus(previous, previous);
      expect(status).toBe(200);
      const years = await fetch(
        `${previous.url}/ims/oneroster/rostering/v1p2/academicSessions?filter=${encodeURIComponent("type='schoolYear'")}`,
        { headers: { authorization: `Bearer ${token}` } },
      ).then(
        (r) => r.json() as Promise<{ academicSessions: { startDate: string; endDate: string }[] }>,
      );
      // The current US school year: not over yet, and begun or beginning within the summer.
      const today = new Date().toISOString().slice(0, 10);
      const inTwoMonths = new Date(Date.now() + 62 * 86_400_000).toISOString().slice(0, 10);
      expect(years.academicSessions).toHaveLength(1);
      const [year] = years.academicSessions as [{ startDate: string; endDate: string }];
      expect(year.endDate.slice(0, 10) >= today).toBe(true);
      expect(year.startDate.slice(0, 10) <= inTwoMonths).toBe(true);
    } finally {
      await first.stop();
    }
    expect(first.output().stderr).not.toContain("tenant 'demo'");

    const second = await startCli(["demo"], env);
    try {
      const current: DemoLine = JSON.parse(second.firstLine);
      expect(current.clientId).not.toBe(previous.clientId);
      expect((await tokenStatus(current, current)).status).toBe(200);
      expect((await tokenStatus(current, previous)).status).toBe(401);
    } finally {
      await second.stop();
    }
    const { stderr } = second.output();
    expect(stderr).not.toContain("tenant 'demo'");
    expect(stderr).toContain(`Revoked the client of the previous demo run: ${previous.clientId}.`);
    const clients = await demoClients();
    expect(clients.filter((client) => client.revokedAt === null)).toHaveLength(1);
    expect(clients).toHaveLength(2);
  });
});
