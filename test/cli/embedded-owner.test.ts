import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { findTenant } from "../../src/tenants/tenants.ts";
import { runCli, startCli } from "../support/cli.ts";
import { asDelta, districtFiles, writePackage } from "../support/packages.ts";

const RENAMED = "Renamed-While-Serving";

// Whatever the suite's database, this is about the embedded one: DATABASE_URL stays unset.
describe("the embedded database has one owner: the process serving it", () => {
  let dataDir: string;
  let env: Record<string, string>;
  const lockFile = () => join(dataDir, "pgdata.lock");

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-owner-"));
    env = { DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("while demo serves, CLI commands on its DATA_DIR are refused with what to do; work through the server is seen, and every row survives", async () => {
    const demo = await startCli(["demo"], env);
    let usersServed: number;
    try {
      const info = JSON.parse(demo.firstLine);
      const basic = Buffer.from(`${info.clientId}:${info.clientSecret}`).toString("base64");
      const { access_token } = (await (
        await fetch(`${info.url}/oauth/token`, {
          method: "POST",
          headers: {
            authorization: `Basic ${basic}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: "grant_type=client_credentials",
        })
      ).json()) as { access_token: string };
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${info.url}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${access_token}`, ...init.headers },
        });

      const packageDir = mkdtempSync(join(tmpdir(), "tsa-owner-pkg-"));
      const [student] = districtFiles(300, 2026).users!.records.filter(
        (record) => record.values.sourcedId === "stu-0000001",
      );
      const delta = asDelta(
        { ...student!, values: { ...student!.values, givenName: RENAMED } },
        "active",
      );
      const zip = await writePackage(join(packageDir, "rename.zip"), {
        users: { mode: "delta", records: [delta] },
      });

      const refused = await Promise.all(
        [
          ["import", zip, "--tenant", "demo"],
          ["migrate"],
          ["maintain"],
          ["clients", "list", "--tenant", "demo"],
        ].map((args) => runCli(args, env)),
      );
      for (const result of refused) {
        expect(result.code).toBe(1);
        expect(result.stderr).toContain("is in use by `tsa-gateway demo`");
        expect(result.stderr).toContain("POST /admin/v1/imports");
      }

      const upload = await api("/admin/v1/imports", {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body: readFileSync(zip),
      });
      expect(upload.status).toBe(202);
      const { id } = (await upload.json()) as { id: string };
      let status = "queued";
      while (status === "queued" || status === "running") {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = ((await (await api(`/admin/v1/imports/${id}`)).json()) as { status: string })
          .status;
      }
      expect(status).toBe("succeeded");
      const renamed = (await (
        await api("/ims/oneroster/rostering/v1p2/users/stu-0000001")
      ).json()) as { user: { givenName: string } };
      expect(renamed.user.givenName).toBe(RENAMED);
      usersServed = Number(
        (await api("/ims/oneroster/rostering/v1p2/users?limit=1")).headers.get("x-total-count"),
      );
      expect(usersServed).toBeGreaterThan(300);
    } finally {
      await demo.stop();
    }

    expect(existsSync(lockFile())).toBe(false);
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    try {
      const tenant = await findTenant(reopened.db, "demo");
      const [counted] = await withTenant(reopened.db, tenant!.id, (tx) =>
        queryRows<{ n: number }>(tx, sql`select count(*)::int as n from users`),
      );
      expect(counted?.n).toBe(usersServed);
      const [student] = await withTenant(reopened.db, tenant!.id, (tx) =>
        tx
          .select({ givenName: users.givenName })
          .from(users)
          .where(eq(users.sourcedId, "stu-0000001")),
      );
      expect(student?.givenName).toBe(RENAMED);
    } finally {
      await reopened.close();
    }
  });

  it("takes over a lock left by a process that is gone", async () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(
      lockFile(),
      JSON.stringify({
        pid: gone,
        host: hostname(),
        command: "tsa-gateway demo",
        since: "2026-01-01T00:00:00.000Z",
      }),
    );
    const result = await runCli(["clients", "list", "--tenant", "demo", "--json"], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(0);
    expect(existsSync(lockFile())).toBe(false);
  });

  it("does not judge another host's lock, and says how to remove it", async () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({
        pid: 1,
        host: "other-host",
        command: "tsa-gateway serve",
        since: "2026-01-01T00:00:00.000Z",
      }),
    );
    const result = await runCli(["maintain"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("(pid 1 on host other-host");
    expect(result.stderr).toContain(`delete ${lockFile()}`);
    rmSync(lockFile());
  });
});
