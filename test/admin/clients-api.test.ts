import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/auth/clients.ts";
import { accessToken } from "../auth/support/credentials.ts";
import { type Gateway, scope, startGateway } from "../oneroster/support/gateway.ts";

describe("/admin/v1/clients: a tenant's API clients", () => {
  let gateway: Gateway;
  let admin: string;
  let otherTenantsClient: string;

  beforeAll(async () => {
    gateway = await startGateway({ tenants: ["north", "south"], students: 10 });
    admin = await gateway.token({ scopes: ["gateway.admin"] });
    const south = gateway.tenants[1]!;
    ({ clientId: otherTenantsClient } = await createClient(gateway.database.db, south, {
      name: "south vendor",
      scopes: [scope("roster.readonly")],
    }));
  });
  afterAll(() => gateway?.close());

  const call = (method: string, path: string, token = admin, body?: unknown) =>
    gateway.app.request(`/admin/v1/clients${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it("creates a client whose secret is shown once and whose token reads the roster", async () => {
    const response = await call("POST", "", admin, {
      name: "SIS nightly",
      scopes: ["roster.readonly"],
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const created = (await response.json()) as { clientId: string; clientSecret: string };
    expect(Object.keys(created)).toEqual(["clientId", "clientSecret", "scopes"]);
    expect(created.clientId).toMatch(/^north\./);
    const token = await accessToken(gateway.app, created.clientId, created.clientSecret);
    expect((await gateway.get("/users?limit=1", token)).status).toBe(200);
  });

  it("lists only the caller's tenant's clients, and never a secret or its hash", async () => {
    const response = await call("GET", "");
    expect(response.status).toBe(200);
    const text = await response.text();
    const { clients } = JSON.parse(text) as { clients: { clientId: string; name: string }[] };
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((client) => client.clientId.startsWith("north."))).toBe(true);
    expect(text).not.toContain(otherTenantsClient);
    expect(text).not.toMatch(/secret"|secretHash|[0-9a-f]{64}/i);
  });

  it("refuses unknown scopes and unknown orgs with 422 naming them", async () => {
    const badScope = await call("POST", "", admin, { name: "x", scopes: ["everything"] });
    expect(badScope.status).toBe(422);
    expect(((await badScope.json()) as { detail: string }).detail).toContain("everything");
    const badOrg = await call("POST", "", admin, {
      name: "x",
      scopes: ["roster.readonly"],
      orgSourcedId: "no-such-org",
    });
    expect(badOrg.status).toBe(422);
  });

  it("rotates and revokes; a revoked client keeps its row and cannot be rotated", async () => {
    const created = (await (
      await call("POST", "", admin, { name: "to retire", scopes: ["roster.readonly"] })
    ).json()) as { clientId: string; clientSecret: string };
    const rotated = await call("POST", `/${created.clientId}/rotate`);
    expect(rotated.status).toBe(200);
    const renewed = (await rotated.json()) as { clientSecret: string };
    expect(renewed.clientSecret).not.toBe(created.clientSecret);

    const revoked = await call("POST", `/${created.clientId}/revoke`);
    expect(revoked.status).toBe(200);
    const body = (await revoked.json()) as { revokedAt: string | null; secretVersion: number };
    expect(body.revokedAt).toEqual(expect.any(String));
    expect(body.secretVersion).toBe(2);
    const again = (await (await call("POST", `/${created.clientId}/revoke`)).json()) as {
      revokedAt: string;
    };
    expect(again.revokedAt).toBe(body.revokedAt);
    expect((await call("POST", `/${created.clientId}/rotate`)).status).toBe(409);
  });

  it("another tenant's client is not found, for rotation and for revocation", async () => {
    expect((await call("POST", `/${otherTenantsClient}/revoke`)).status).toBe(404);
    expect((await call("POST", `/${otherTenantsClient}/rotate`)).status).toBe(404);
    const south = gateway.tenants[1]!;
    const southAdmin = await gateway.token({ scopes: ["gateway.admin"], tenant: south });
    const listed = (await (await call("GET", "", southAdmin)).json()) as {
      clients: { revokedAt: string | null }[];
    };
    expect(listed.clients.every((client) => client.revokedAt === null)).toBe(true);
  });

  it("needs gateway.admin, and an org-restricted admin may not manage clients", async () => {
    const importer = await gateway.token({ scopes: ["gateway.import"] });
    expect((await call("GET", "", importer)).status).toBe(403);
    const restricted = await gateway.token({
      scopes: ["gateway.admin"],
      orgSourcedId: "org-district",
    });
    const refused = await call("POST", "", restricted, { name: "x", scopes: ["gateway.admin"] });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/restricted to an org/);
  });

  it("is described in the gateway's OpenAPI document", async () => {
    const document = (await (await gateway.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths["/admin/v1/clients"] ?? {})).toEqual(["get", "post"]);
    expect(document.paths["/admin/v1/clients/{clientId}/rotate"]).toHaveProperty("post");
    expect(document.paths["/admin/v1/clients/{clientId}/revoke"]).toHaveProperty("post");
  });
});
