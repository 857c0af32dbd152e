import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Gateway, idsOf, startGateway } from "./support/gateway.ts";
import { statusInfoOf } from "./support/status-info.ts";

describe("errors as imsx_StatusInfo, and rate limits", () => {
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token();
  });
  afterAll(() => gateway?.close());

  it("an unknown object: 404 unknownobject, naming what was not found", async () => {
    const response = await gateway.get("/classes/cls-does-not-exist", token);
    expect(response.status).toBe(404);
    expect(await statusInfoOf(response)).toMatchObject({
      codeMinor: "unknownobject",
      description: "Unknown Object: there is no class 'cls-does-not-exist'.",
    });
  });

  it("a subset's object that is of another kind: a teacher is no student", async () => {
    const [teacher] = await idsOf(await gateway.get("/teachers?limit=1", token));
    const response = await gateway.get(`/students/${teacher}`, token);
    expect(response.status).toBe(404);
    expect((await statusInfoOf(response)).codeMinor).toBe("unknownobject");
  });

  it("an unknown parent in a nested path: 404, not an empty list", async () => {
    const response = await gateway.get("/schools/no-such-school/classes", token);
    expect(response.status).toBe(404);
    expect(await statusInfoOf(response)).toMatchObject({
      codeMinor: "unknownobject",
      description: "Unknown Object: there is no school 'no-such-school'.",
    });
  });

  it("a class named under a school it does not belong to: 404", async () => {
    const [school, other] = await idsOf(await gateway.get("/schools", token));
    const [foreignClass] = await idsOf(
      await gateway.get(`/schools/${other}/classes?limit=1`, token),
    );
    const response = await gateway.get(
      `/schools/${school}/classes/${foreignClass}/students`,
      token,
    );
    expect(response.status).toBe(404);
    expect((await statusInfoOf(response)).description).toContain(`class '${foreignClass}'`);
  });

  it("a parent of the wrong kind: an org that is not a school has no /schools path", async () => {
    const response = await gateway.get("/schools/org-district/classes", token);
    expect(response.status).toBe(404);
  });

  it("a path the service does not have: 404 unknownobject", async () => {
    const response = await gateway.get("/lineItems", token);
    expect(response.status).toBe(404);
    expect((await statusInfoOf(response)).codeMinor).toBe("unknownobject");
  });

  it("a client over its own limit gets 429 server_busy with Retry-After; others carry on", async () => {
    const limited = await gateway.token({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await gateway.get("/orgs", limited)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await gateway.get("/orgs", limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(20);
    expect((await statusInfoOf(refused)).codeMinor).toBe("server_busy");
    expect((await gateway.get("/orgs", token)).status).toBe(200);
  });

  it("without a limit of its own, a client gets the configured one", async () => {
    const strict = await startGateway({ district: false, config: { RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const client = await strict.token();
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await strict.get("/orgs", client)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});
