import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/auth/clients.ts";
import { type Gateway, scope, startGateway } from "../oneroster/support/gateway.ts";

describe("POST /oauth/token, client credentials", () => {
  let gateway: Gateway;
  let clientId: string;
  let clientSecret: string;
  const granted = [scope("roster.readonly"), scope("roster-demographics.readonly")];

  beforeAll(async () => {
    gateway = await startGateway({ district: false });
    ({ clientId, clientSecret } = await createClient(gateway.database.db, gateway.tenant, {
      name: "SIS nightly sync",
      scopes: granted,
    }));
  });
  afterAll(() => gateway?.close());

  const requestToken = (form: Record<string, string>, authorization?: string) =>
    gateway.app.request("/oauth/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(authorization ? { authorization } : {}),
      },
      body: new URLSearchParams(form),
    });
  const basic = (id: string, secret: string) =>
    `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

  it("issues a bearer token for HTTP Basic credentials, with all the client's scopes by default", async () => {
    const response = await requestToken(
      { grant_type: "client_credentials" },
      basic(clientId, clientSecret),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: "bearer",
      expires_in: 3600,
      scope: granted.join(" "),
    });
    const users = await gateway.get("/users", String(body.access_token));
    expect(users.status).toBe(200);
  });

  it("accepts the credentials in the form body too", async () => {
    const response = await requestToken({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(response.status).toBe(200);
  });

  it("grants a narrower scope when asked, and the token is held to it", async () => {
    const response = await requestToken(
      { grant_type: "client_credentials", scope: "roster.readonly" },
      basic(clientId, clientSecret),
    );
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe(scope("roster.readonly"));
    expect((await gateway.get("/users", body.access_token)).status).toBe(200);
    expect((await gateway.get("/demographics", body.access_token)).status).toBe(403);
  });

  it("refuses a scope the client does not hold with invalid_scope", async () => {
    const response = await requestToken(
      {
        grant_type: "client_credentials",
        scope: `${scope("roster.readonly")} ${scope("gradebook.delete")}`,
      },
      basic(clientId, clientSecret),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_scope");
  });

  it("answers invalid_client without saying whether the id or the secret was wrong", async () => {
    const wrongSecret = await requestToken(
      { grant_type: "client_credentials" },
      basic(clientId, "not-the-secret"),
    );
    const unknownClient = await requestToken(
      { grant_type: "client_credentials" },
      basic(`${gateway.tenant.slug}.nobodyxyz123`, clientSecret),
    );
    const otherTenant = await requestToken(
      { grant_type: "client_credentials" },
      basic(clientId.replace(/^[^.]+/, "elsewhere"), clientSecret),
    );
    const bodies = [];
    for (const response of [wrongSecret, unknownClient, otherTenant]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
      bodies.push(await response.json());
    }
    expect(bodies[0]).toEqual({ error: "invalid_client", error_description: expect.any(String) });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("answers invalid_client when no credentials are sent", async () => {
    const response = await requestToken({ grant_type: "client_credentials" });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_client");
  });

  it("supports only the client_credentials grant", async () => {
    const response = await requestToken({ grant_type: "password" }, basic(clientId, clientSecret));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("unsupported_grant_type");
  });
});
