import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { consoleUser, csrfOf, PASSWORD } from "./console-support.ts";

const ORIGIN = "http://localhost";

describe("the console over HTTP: sign-in, cookies, anti-forgery, throttling, roles, tenants", () => {
  let database: TestDatabase;
  let north: Tenant;
  let south: Tenant;
  let harness: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await createTestDatabase();
    north = await createTenant(database.db, "north", "North");
    south = await createTenant(database.db, "south", "South");
    harness = testApp(database);
    await consoleUser(database, north, "admin@north.org", "admin");
    await consoleUser(database, north, "auditor@north.org", "auditor");
    await consoleUser(database, north, "guessed@north.org", "uploader");
    await consoleUser(database, south, "admin@south.org", "admin");
  });
  afterAll(() => database.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    harness.app.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
      body: form(fields),
    });
  const signIn = (tenant: string, email: string, password = PASSWORD) =>
    post("/console/sign-in", { tenant, email, password });
  const cookieOf = async (tenant: string, email: string) => {
    const response = await signIn(tenant, email);
    expect(response.status).toBe(303);
    return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  };
  const get = (path: string, cookie: string) => harness.app.request(path, { headers: { cookie } });

  it("signs in with an HTTP-only, SameSite=Strict cookie scoped to /console, Secure only over HTTPS", async () => {
    const response = await signIn("north", "Admin@North.org");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/console/upload");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^tsa_console=[0-9a-f-]{36}\.[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).not.toMatch(/Secure/);
    const https = testApp(database, { PUBLIC_URL: "https://roster.example.org" });
    const secure = await https.app.request("/console/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      body: form({ tenant: "north", email: "admin@north.org", password: PASSWORD }),
    });
    expect(secure.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong password, an unknown user and an unknown district alike, and keeps no session", async () => {
    for (const [tenant, email, password] of [
      ["north", "admin@north.org", "wrong password here"],
      ["north", "nobody@north.org", PASSWORD],
      ["nowhere", "admin@north.org", PASSWORD],
    ] as const) {
      const response = await signIn(tenant, email, password);
      expect(response.status).toBe(401);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.text()).toContain("The district, email or password is not right");
    }
  });

  it("throttles an account after five failed sign-ins, even with the right password then", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signIn("north", "guessed@north.org", `guess number ${i}`)).status).toBe(401);
    }
    const refused = await signIn("north", "guessed@north.org");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("900");
    expect(refused.headers.get("set-cookie")).toBeNull();
    // Another account of the same district is not affected.
    expect((await signIn("north", "auditor@north.org")).status).toBe(303);
  });

  it("refuses a form without the session's token, or sent from another origin", async () => {
    const cookie = await cookieOf("north", "admin@north.org");
    const page = await get("/console/exports", cookie);
    expect(page.status).toBe(200);
    const token = csrfOf(await page.text());
    const fields = { purpose: "Library system upload" };
    const noToken = await post("/console/exports/oneroster.zip", fields, { cookie });
    expect(noToken.status).toBe(403);
    const wrongToken = await post(
      "/console/exports/oneroster.zip",
      { ...fields, _csrf: `${token}x` },
      { cookie },
    );
    expect(wrongToken.status).toBe(403);
    const foreign = await post(
      "/console/exports/oneroster.zip",
      { ...fields, _csrf: token },
      {
        cookie,
        origin: "https://evil.example",
      },
    );
    expect(foreign.status).toBe(403);
    const signOut = await post("/console/sign-out", {}, { cookie });
    expect(signOut.status).toBe(403);
    const good = await post(
      "/console/exports/oneroster.zip",
      { ...fields, _csrf: token },
      { cookie },
    );
    expect(good.status).toBe(200);
    expect(good.headers.get("content-type")).toBe("application/zip");
    await good.arrayBuffer();
  });

  it("limits each role to its pages", async () => {
    const auditor = await cookieOf("north", "auditor@north.org");
    expect((await get("/console/upload", auditor)).status).toBe(403);
    expect((await get("/console/exports", auditor)).status).toBe(403);
    expect((await get("/console/imports", auditor)).status).toBe(200);
    const anonymous = await harness.app.request("/console/imports");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/console/sign-in");
  });

  it("shows each district only its own imports, and a cookie moved to another district signs in nobody", async () => {
    const northAdmin = await cookieOf("north", "admin@north.org");
    const upload = await harness.app.request(
      `/console/imports?_csrf=${encodeURIComponent(csrfOf(await (await get("/console/upload", northAdmin)).text()))}&dryRun=true`,
      {
        method: "POST",
        headers: {
          cookie: northAdmin,
          origin: ORIGIN,
          "content-type": "multipart/form-data; boundary=x",
        },
        body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\nContent-Type: application/zip\r\n\r\nnot a zip\r\n--x--\r\n',
      },
    );
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    expect((await get(`/console/imports/${id}/status`, northAdmin)).status).toBe(200);
    const southAdmin = await cookieOf("south", "admin@south.org");
    expect((await get(`/console/imports/${id}/status`, southAdmin)).status).toBe(404);
    expect((await get(`/console/imports/${id}`, southAdmin)).status).toBe(404);
    expect(await (await get("/console/imports", southAdmin)).text()).not.toContain(id);
    const southToken = southAdmin.split(".")[1];
    const moved = `tsa_console=${north.id}.${southToken}`;
    expect((await get("/console/imports", moved)).status).toBe(303);
  });

  it("signs out: the cookie no longer opens any page", async () => {
    const cookie = await cookieOf("north", "admin@north.org");
    const token = csrfOf(await (await get("/console/imports", cookie)).text());
    expect((await post("/console/sign-out", { _csrf: token }, { cookie })).status).toBe(303);
    expect((await get("/console/imports", cookie)).status).toBe(303);
  });
});
