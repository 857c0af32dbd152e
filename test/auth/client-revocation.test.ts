import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_STATE_TTL_MS } from "../../src/auth/client-state.ts";
import { createClient, revokeClient, rotateClient } from "../../src/auth/clients.ts";
import { ALL_SCOPES } from "../../src/auth/scopes.ts";
import { apiClients } from "../../src/db/schema/index.ts";
import {
  type Gateway,
  ROSTERING,
  startGateway,
  TOKEN_SECRET,
} from "../oneroster/support/gateway.ts";
import { accessToken, requestToken } from "./support/credentials.ts";

/** One path per kind of protected API: OneRoster, admin, export. */
const PROTECTED = [
  `${ROSTERING}/users?limit=1`,
  "/admin/v1/imports",
  "/admin/v1/clients",
  "/admin/v1/exports/oneroster.zip",
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("a client's tokens stop working when it is revoked, rotated or deleted", () => {
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway({ students: 10 });
  });
  afterAll(() => gateway?.close());

  const newClient = () =>
    createClient(gateway.database.db, gateway.tenant, { name: "vendor", scopes: ALL_SCOPES });
  const statuses = async (token: string) => {
    const result: Record<string, number> = {};
    for (const path of PROTECTED) {
      const response = await gateway.app.request(path, {
        headers: { authorization: `Bearer ${token}` },
      });
      result[path] = response.status;
      await response.body?.cancel();
    }
    return result;
  };
  const everywhere = (status: number) =>
    Object.fromEntries(PROTECTED.map((path) => [path, status]));

  it("a valid token opens OneRoster, the admin API and the export (the control case)", async () => {
    const { clientId, clientSecret } = await newClient();
    expect(await statuses(await accessToken(gateway.app, clientId, clientSecret))).toEqual(
      everywhere(200),
    );
  });

  it("revoked through the admin API: refused at once, everywhere, and no new token", async () => {
    const admin = await newClient();
    const adminToken = await accessToken(gateway.app, admin.clientId, admin.clientSecret);
    const vendor = await newClient();
    const vendorToken = await accessToken(gateway.app, vendor.clientId, vendor.clientSecret);
    expect((await statuses(vendorToken))[PROTECTED[0]!]).toBe(200);

    const revoked = await gateway.app.request(`/admin/v1/clients/${vendor.clientId}/revoke`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(revoked.status).toBe(200);
    expect(await statuses(vendorToken)).toEqual(everywhere(401));
    const refusal = await gateway.app.request(PROTECTED[1]!, {
      headers: { authorization: `Bearer ${vendorToken}` },
    });
    expect(((await refusal.json()) as { detail: string }).detail).toMatch(/revoked/);
    expect((await requestToken(gateway.app, vendor.clientId, vendor.clientSecret)).status).toBe(
      401,
    );
  });

  it("revoked by another process (the CLI): refused once the cached state expires", async () => {
    const vendor = await newClient();
    const token = await accessToken(gateway.app, vendor.clientId, vendor.clientSecret);
    expect((await statuses(token))[PROTECTED[0]!]).toBe(200);
    await revokeClient(gateway.database.db, gateway.tenant.id, vendor.clientId);
    await pause(CLIENT_STATE_TTL_MS + 100);
    expect(await statuses(token)).toEqual(everywhere(401));
  });

  it("rotated: the old secret and the tokens issued under it are refused, the new secret works", async () => {
    const vendor = await newClient();
    const oldToken = await accessToken(gateway.app, vendor.clientId, vendor.clientSecret);
    expect((await statuses(oldToken))[PROTECTED[0]!]).toBe(200);
    const rotated = await rotateClient(gateway.database.db, gateway.tenant.id, vendor.clientId);
    await pause(CLIENT_STATE_TTL_MS + 100);
    expect(await statuses(oldToken)).toEqual(everywhere(401));
    expect((await requestToken(gateway.app, vendor.clientId, vendor.clientSecret)).status).toBe(
      401,
    );
    const newToken = await accessToken(gateway.app, vendor.clientId, rotated!.clientSecret);
    expect(await statuses(newToken)).toEqual(everywhere(200));
  });

  it("deleted from the database: its tokens are refused", async () => {
    const vendor = await newClient();
    const token = await accessToken(gateway.app, vendor.clientId, vendor.clientSecret);
    await gateway.database.db.delete(apiClients).where(eq(apiClients.clientId, vendor.clientId));
    await pause(CLIENT_STATE_TTL_MS + 100);
    expect(await statuses(token)).toEqual(everywhere(401));
  });

  it("forged, expired, unsigned and wrong-key tokens of a live client are refused everywhere", async () => {
    const vendor = await newClient();
    const claims = { tid: gateway.tenant.id, scope: ALL_SCOPES.join(" "), sv: 1 };
    const sign = (secret: string, expiresAt: string | number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer("tsa-coach-gateway")
        .setSubject(vendor.clientId)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign(new TextEncoder().encode(secret));
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({
      ...claims,
      iss: "tsa-coach-gateway",
      sub: vendor.clientId,
      exp: now + 3600,
    })}.`;
    expect(await statuses(await sign(TOKEN_SECRET, "1h"))).toEqual(everywhere(200));
    for (const token of [
      await sign("a-different-key-that-is-long-enough-too!", "1h"),
      await sign(TOKEN_SECRET, now - 60),
      unsigned,
      "not.a.jwt",
    ]) {
      expect(await statuses(token)).toEqual(everywhere(401));
    }
  });
});
