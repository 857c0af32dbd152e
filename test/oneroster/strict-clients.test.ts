import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_PATHS } from "../../src/oneroster/routes/index.ts";
import type { ServiceName } from "../../src/oneroster/wire/status-info.ts";
import { loadOfficialDocument } from "../support/oneroster-official.ts";
import { type Gateway, recordsOf, startGateway } from "./support/gateway.ts";

/** What a strict third-party OneRoster 1.2 client library needs, found by running one. */
describe("what strict OneRoster clients require", () => {
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token();
  });
  afterAll(() => gateway?.close());

  it("every enrollment carries primary, false when unset", async () => {
    const enrollments = await recordsOf(await gateway.get("/enrollments?limit=1000", token));
    expect(enrollments.length).toBeGreaterThan(0);
    expect(enrollments.filter((e) => e.primary !== "true" && e.primary !== "false")).toEqual([]);
    expect(enrollments.some((e) => e.primary === "false")).toBe(true);
  });

  it("the token response says Pragma: no-cache beside Cache-Control: no-store", async () => {
    const response = await gateway.app.request("/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: "x",
        client_secret: "y",
      }),
    });
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it('Link rel="prev" past the end points at the last page', async () => {
    const response = await gateway.get("/orgs?limit=2&offset=5000", token);
    const total = Number(response.headers.get("x-total-count"));
    const last = Math.floor((total - 1) / 2) * 2;
    const links = Object.fromEntries(
      (response.headers.get("link") ?? "").split(", ").map((link) => {
        const [, url, rel] = /<([^>]+)>; rel="(\w+)"/.exec(link) ?? [];
        return [rel, new URL(url ?? "").searchParams.get("offset")];
      }),
    );
    expect(links).toMatchObject({ prev: String(last), last: String(last) });
  });

  it.each(["rostering", "gradebook", "resources"] as const)(
    "the %s discovery document lists every official operation",
    async (service: ServiceName) => {
      const response = await gateway.app.request(
        `https://roster.example.org${BASE_PATHS[service]}/discovery/imsorv1p2_${service}_openapi3_v1p0.json`,
      );
      expect(response.status).toBe(200);
      const document = (await response.json()) as {
        servers: { url: string }[];
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      const ids = (paths: Record<string, Record<string, { operationId: string }>>) =>
        Object.values(paths)
          .flatMap((methods) => Object.values(methods).map((operation) => operation.operationId))
          .sort();
      expect(document.servers).toEqual([
        { url: `https://roster.example.org${BASE_PATHS[service]}` },
      ]);
      expect(ids(document.paths)).toEqual(ids(loadOfficialDocument(service).paths));
    },
  );
});
