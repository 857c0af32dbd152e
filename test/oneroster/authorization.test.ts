import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/auth/clients.ts";
import {
  type Gateway,
  idsOf,
  recordsOf,
  scope,
  startGateway,
  TOKEN_SECRET,
} from "./support/gateway.ts";
import { statusInfoOf } from "./support/status-info.ts";

type Ref = { sourcedId: string };

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("bearer tokens and scopes on the Rostering service", () => {
  let gateway: Gateway;
  let claims: Record<string, unknown>;
  let subject: string;

  beforeAll(async () => {
    gateway = await startGateway();
    claims = { tid: gateway.tenant.id, scope: scope("roster.readonly") };
    // Tokens must name a client that exists and is not revoked; the forgeries below differ
    // from the control case only in what they forge.
    ({ clientId: subject } = await createClient(gateway.database.db, gateway.tenant, {
      name: "hand-made tokens",
      scopes: [scope("roster.readonly")],
    }));
  });
  afterAll(() => gateway?.close());

  const signed = (secret: string, expiresAt: string | number = "1h") =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("tsa-coach-gateway")
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(secret));

  it("a well-formed token signed by the gateway is accepted (the control case)", async () => {
    expect((await gateway.get("/orgs", await signed(TOKEN_SECRET))).status).toBe(200);
  });

  it("no token: 401 unauthorisedrequest, with a WWW-Authenticate challenge", async () => {
    const response = await gateway.get("/users", undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await statusInfoOf(response)).codeMinor).toBe("unauthorisedrequest");
  });

  it.each([
    ["a malformed token", "Bearer not.a.jwt"],
    ["a Basic header instead of a bearer token", "Basic dXNlcjpwYXNz"],
    ["an empty bearer", "Bearer "],
  ])("%s: 401", async (_, authorization) => {
    const response = await gateway.get("/users", undefined, { authorization });
    expect(response.status).toBe(401);
    expect((await statusInfoOf(response)).codeMinor).toBe("unauthorisedrequest");
  });

  it("an expired token: 401", async () => {
    const expired = await signed(TOKEN_SECRET, Math.floor(Date.now() / 1000) - 60);
    const response = await gateway.get("/users", expired);
    expect(response.status).toBe(401);
    expect((await statusInfoOf(response)).codeMinor).toBe("unauthorisedrequest");
  });

  it("a token signed with another key: 401", async () => {
    const forged = await signed("someone-else's-secret-that-is-long-enough");
    expect((await gateway.get("/users", forged)).status).toBe(401);
  });

  it("an unsigned token (alg none): 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({
      ...claims,
      iss: "tsa-coach-gateway",
      sub: subject,
      iat: now,
      exp: now + 3600,
    })}.`;
    expect((await gateway.get("/users", unsigned)).status).toBe(401);
  });

  it("a token without a rostering scope: 403 forbidden", async () => {
    const token = await gateway.token({ scopes: [scope("gradebook.readonly")] });
    const response = await gateway.get("/users", token);
    expect(response.status).toBe(403);
    expect((await statusInfoOf(response)).codeMinor).toBe("forbidden");
  });

  it("demographics need roster-demographics.readonly, whatever else the token holds", async () => {
    const rosterOnly = await gateway.token({
      scopes: [scope("roster.readonly"), scope("roster-core.readonly")],
    });
    const [student] = await idsOf(await gateway.get("/students?limit=1", rosterOnly));
    expect((await gateway.get("/demographics", rosterOnly)).status).toBe(403);
    expect((await gateway.get(`/demographics/${student}`, rosterOnly)).status).toBe(403);
    const demographicsOnly = await gateway.token({
      scopes: [scope("roster-demographics.readonly")],
    });
    expect((await gateway.get(`/demographics/${student}`, demographicsOnly)).status).toBe(200);
    expect((await gateway.get("/users", demographicsOnly)).status).toBe(403);
  });

  it("roster-core.readonly opens collections and objects but not the nested paths", async () => {
    const core = await gateway.token({ scopes: [scope("roster-core.readonly")] });
    expect((await gateway.get("/schools", core)).status).toBe(200);
    expect((await gateway.get("/schools/sch-0001", core)).status).toBe(200);
    const nested = await gateway.get("/schools/sch-0001/students", core);
    expect(nested.status).toBe(403);
    expect((await statusInfoOf(nested)).codeMinor).toBe("forbidden");
  });
});

describe("a client restricted to one school", () => {
  let gateway: Gateway;
  let school: string;
  let otherSchool: string;
  let token: string;
  let everything: string;

  beforeAll(async () => {
    gateway = await startGateway();
    everything = await gateway.token();
    const schools = await idsOf(await gateway.get("/schools", everything));
    [school, otherSchool] = schools as [string, string];
    token = await gateway.token({ orgSourcedId: school });
  });
  afterAll(() => gateway?.close());

  const all = async (path: string, bearer = token) => {
    const response = await gateway.get(
      `${path}${path.includes("?") ? "&" : "?"}limit=1000`,
      bearer,
    );
    expect(response.status).toBe(200);
    return recordsOf(response);
  };

  it("sees only its own org among orgs and schools", async () => {
    expect((await all("/orgs")).map((org) => org.sourcedId)).toEqual([school]);
    expect((await all("/schools")).map((org) => org.sourcedId)).toEqual([school]);
  });

  it("sees only its school's classes, courses and enrollments", async () => {
    const classes = await all("/classes");
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes.map((k) => (k.school as Ref).sourcedId))).toEqual(new Set([school]));
    const courses = await all("/courses");
    expect(new Set(courses.map((c) => (c.org as Ref).sourcedId))).toEqual(new Set([school]));
    const enrollments = await all("/enrollments");
    expect(new Set(enrollments.map((e) => (e.school as Ref).sourcedId))).toEqual(new Set([school]));
  });

  it("sees only users holding a role at its school, and their demographics", async () => {
    const users = await all("/users");
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect((user.roles as { org: Ref }[]).map((role) => role.org.sourcedId)).toContain(school);
    }
    const demographics = (await all("/demographics")).map((d) => d.sourcedId);
    const students = (await all("/students")).map((u) => u.sourcedId);
    expect(demographics.every((id) => students.includes(id))).toBe(true);
  });

  it("still sees the district's calendar", async () => {
    expect((await all("/academicSessions")).length).toBe(
      (await all("/academicSessions", everything)).length,
    );
  });

  it("cannot widen its view with OR in a filter", async () => {
    const filter = encodeURIComponent(`school.sourcedId='${otherSchool}' OR status='active'`);
    const classes = await all(`/classes?filter=${filter}`);
    expect(new Set(classes.map((k) => (k.school as Ref).sourcedId))).toEqual(new Set([school]));
  });

  it("gets 404 for the other school's objects, and for nested paths under them", async () => {
    const [foreignClass] = await idsOf(
      await gateway.get(`/schools/${otherSchool}/classes?limit=1`, everything),
    );
    const [foreignStudent] = await idsOf(
      await gateway.get(`/schools/${otherSchool}/students?limit=1`, everything),
    );
    for (const path of [
      `/schools/${otherSchool}`,
      `/orgs/${otherSchool}`,
      `/schools/${otherSchool}/classes`,
      `/classes/${foreignClass}`,
      `/classes/${foreignClass}/students`,
      `/users/${foreignStudent}`,
      `/demographics/${foreignStudent}`,
      `/students/${foreignStudent}/classes`,
    ]) {
      const response = await gateway.get(path, token);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect((await statusInfoOf(response)).codeMinor).toBe("unknownobject");
    }
  });

  it("a client restricted to the district sees every school below it", async () => {
    const district = await gateway.token({ orgSourcedId: "org-district" });
    expect((await all("/schools", district)).length).toBe(
      (await all("/schools", everything)).length,
    );
  });
});
