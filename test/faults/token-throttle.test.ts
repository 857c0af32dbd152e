import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/auth/clients.ts";
import { FAILED_TOKEN_REQUESTS_PER_MINUTE } from "../../src/auth/rate-limit.ts";
import { type Gateway, scope, startGateway } from "../oneroster/support/gateway.ts";

describe("POST /oauth/token under password guessing", () => {
  let gateway: Gateway;
  let client: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    gateway = await startGateway({ district: false });
    client = await createClient(gateway.database.db, gateway.tenant, {
      name: "SIS",
      scopes: [scope("roster.readonly")],
    });
  });
  afterAll(() => gateway?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const basic = (id: string, secret: string) =>
    `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
  /** A token request from one peer address, as the Node server reports it. */
  const requestToken = (authorization: string, address: string) =>
    gateway.app.request(
      "/oauth/token",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization },
        body: "grant_type=client_credentials",
      },
      { incoming: { socket: { remoteAddress: address } } },
    );

  it("refuses a client id with 429 and Retry-After once its failures are spent, until the budget refills", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const statuses: number[] = [];
    for (let i = 0; i <= FAILED_TOKEN_REQUESTS_PER_MINUTE.client; i++) {
      // A new address each time: only the client id's budget is spent.
      const response = await requestToken(basic(client.clientId, `guess-${i}`), `198.51.100.${i}`);
      statuses.push(response.status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);

    const refused = await requestToken(basic(client.clientId, client.clientSecret), "192.0.2.1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/client id/);

    vi.setSystemTime(Date.now() + retryAfter * 1000);
    const accepted = await requestToken(basic(client.clientId, client.clientSecret), "192.0.2.1");
    expect(accepted.status).toBe(200);
  });

  it("refuses an address that tries many client ids", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const statuses: number[] = [];
    for (let i = 0; i <= FAILED_TOKEN_REQUESTS_PER_MINUTE.address; i++) {
      const response = await requestToken(basic(`demo.nobody${i}`, "guess"), "203.0.113.7");
      statuses.push(response.status);
    }
    expect(statuses.at(-2)).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    const fresh = await createClient(gateway.database.db, gateway.tenant, {
      name: "another SIS",
      scopes: [scope("roster.readonly")],
    });
    const sameAddress = await requestToken(
      basic(fresh.clientId, fresh.clientSecret),
      "203.0.113.7",
    );
    expect(sameAddress.status).toBe(429);
    const otherAddress = await requestToken(
      basic(fresh.clientId, fresh.clientSecret),
      "203.0.113.8",
    );
    expect(otherAddress.status).toBe(200);
  });

  it("answers 400, not 500, to Basic credentials that are not form-urlencoded", async () => {
    const response = await requestToken(
      `Basic ${Buffer.from("%zz:%zz").toString("base64")}`,
      "192.0.2.9",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });
});
