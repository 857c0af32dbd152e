import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCli } from "../support/cli.ts";

const ROSTERING = "/ims/oneroster/rostering/v1p2";

// The logs of a real gateway process (PGlite: this is about the process, not the database).
describe("the gateway's logs never show a client secret or a token", () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-logs-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("over a session of good and failed authentications, reads, client management and an export", async () => {
    const demo = await startCli(["demo"], { DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" });
    const secrets: string[] = [];
    try {
      const info = JSON.parse(demo.firstLine);
      const url = String(info.url);
      const basic = (id: string, secret: string) =>
        `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
      const tokenFor = async (id: string, secret: string) => {
        const response = await fetch(`${url}/oauth/token`, {
          method: "POST",
          headers: {
            authorization: basic(id, secret),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: "grant_type=client_credentials",
        });
        return {
          status: response.status,
          body: (await response.json()) as { access_token?: string },
        };
      };
      const call = async (path: string, token: string, init: RequestInit = {}) => {
        const response = await fetch(`${url}${path}`, {
          ...init,
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            ...init.headers,
          },
        });
        const text = await response.text();
        return { status: response.status, text };
      };

      secrets.push(info.clientSecret, basic(info.clientId, info.clientSecret));
      const admin = (await tokenFor(info.clientId, info.clientSecret)).body.access_token!;
      secrets.push(admin);

      const wrongSecret = "definitely-not-the-secret-0123456789";
      secrets.push(wrongSecret, basic(info.clientId, wrongSecret));
      expect((await tokenFor(info.clientId, wrongSecret)).status).toBe(401);
      const formBody = await fetch(`${url}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: info.clientId,
          client_secret: wrongSecret,
        }),
      });
      expect(formBody.status).toBe(401);

      const forged = await new SignJWT({ tid: "x", scope: "gateway.admin" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(info.clientId)
        .setIssuer("tsa-coach-gateway")
        .setExpirationTime("1h")
        .sign(new TextEncoder().encode("a-forgers-key-that-is-long-enough-0123"));
      secrets.push(forged);
      expect((await call(`${ROSTERING}/users`, forged)).status).toBe(401);
      expect((await call(`${ROSTERING}/users`, "garbage.token.value")).status).toBe(401);

      expect((await call(`${ROSTERING}/users?limit=5`, admin)).status).toBe(200);
      expect(
        (await call(`${ROSTERING}/users?filter=${encodeURIComponent("nope='x'")}`, admin)).status,
      ).toBe(400);
      expect((await call(`${ROSTERING}/users/stu-0000001`, admin)).status).toBe(200);

      const created = await call("/admin/v1/clients", admin, {
        method: "POST",
        body: JSON.stringify({ name: "vendor", scopes: ["roster.readonly"] }),
      });
      expect(created.status).toBe(201);
      const vendor = JSON.parse(created.text) as { clientId: string; clientSecret: string };
      secrets.push(vendor.clientSecret);
      const vendorToken = (await tokenFor(vendor.clientId, vendor.clientSecret)).body.access_token!;
      secrets.push(vendorToken);
      const rotated = await call(`/admin/v1/clients/${vendor.clientId}/rotate`, admin, {
        method: "POST",
      });
      secrets.push((JSON.parse(rotated.text) as { clientSecret: string }).clientSecret);
      expect((await call(`${ROSTERING}/users`, vendorToken)).status).toBe(401);
      expect(
        (await call(`/admin/v1/clients/${vendor.clientId}/revoke`, admin, { method: "POST" }))
          .status,
      ).toBe(200);
      expect((await call("/admin/v1/exports/oneroster.zip", admin)).status).toBe(200);
    } finally {
      await demo.stop();
    }

    const { stdout, stderr } = demo.output();
    expect(stderr).toContain("listening on");
    // The one deliberate disclosure: `demo` prints its client's secret once, as its first line.
    const logs = `${stdout.split("\n").slice(1).join("\n")}\n${stderr}`;
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });
});
