import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { discoveryFileNames } from "../../src/oneroster/read/discovery.routes.ts";
import { TEST_DB_KIND } from "../support/database.ts";
import { type Gateway, ROSTERING, startGateway, TOKEN_SECRET } from "./support/gateway.ts";

interface Discovery {
  servers: { url: string }[];
  components: {
    securitySchemes: { OAuth2CC: { flows: { clientCredentials: { tokenUrl: string } } } };
  };
}

/** Every absolute URL a page of classes and the discovery document carry. */
interface Urls {
  hrefs: string[];
  links: string[];
  server: string;
  tokenUrl: string;
}

const SPOOFED = {
  host: "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "forwarded.example",
};

describe("absolute URLs: PUBLIC_URL, the request, and forwarded headers", () => {
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway({ students: 10 });
    token = await gateway.token();
  });
  afterAll(() => gateway?.close());

  /** A gateway over the same database with these settings, asked from `origin` with `headers`. */
  async function urlsOf(
    settings: Record<string, string>,
    origin: string,
    headers: Record<string, string>,
  ): Promise<Urls> {
    const config = loadConfig({ TOKEN_SECRET, ...settings });
    const app = createApp({
      config,
      db: gateway.database.db,
      dbKind: TEST_DB_KIND,
      schemaVersion: null,
    });
    const page = await app.request(`${origin}${ROSTERING}/classes?limit=2&offset=2`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    expect(page.status).toBe(200);
    const { classes } = (await page.json()) as { classes: Record<string, { href?: string }>[] };
    const hrefs = classes.flatMap((record) =>
      Object.values(record).flatMap((value) =>
        value && typeof value === "object" && "href" in value ? [String(value.href)] : [],
      ),
    );
    const links = [...(page.headers.get("link") ?? "").matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
    const discovery = (await (
      await app.request(`${origin}${ROSTERING}/discovery/${discoveryFileNames("rostering")[0]}`, {
        headers,
      })
    ).json()) as Discovery;
    return {
      hrefs,
      links,
      server: discovery.servers[0]!.url,
      tokenUrl: discovery.components.securitySchemes.OAuth2CC.flows.clientCredentials.tokenUrl,
    };
  }

  const allStartWith = (urls: Urls, origin: string) => {
    expect(urls.hrefs.length).toBeGreaterThan(0);
    expect(urls.links.length).toBe(4);
    for (const url of [...urls.hrefs, ...urls.links, urls.server, urls.tokenUrl]) {
      expect(url.startsWith(`${origin}/`)).toBe(true);
    }
    expect(urls.tokenUrl).toBe(`${origin}/oauth/token`);
  };

  it("with PUBLIC_URL, a spoofed Host (or forwarded header) never reaches an href, a Link or discovery", async () => {
    const settings = { PUBLIC_URL: "https://roster.example.org/", TRUST_PROXY: "true" };
    const urls = await urlsOf(settings, "http://evil.example", {
      ...SPOOFED,
      forwarded: "proto=http;host=evil-too.example",
    });
    allStartWith(urls, "https://roster.example.org");
    expect(JSON.stringify(urls)).not.toMatch(/evil|forwarded\.example/);
  });

  it("without PUBLIC_URL or TRUST_PROXY, X-Forwarded-* and Forwarded are ignored", async () => {
    const urls = await urlsOf({}, "http://10.0.0.5:8787", {
      ...SPOOFED,
      host: "10.0.0.5:8787",
      forwarded: "proto=https;host=forwarded.example",
    });
    allStartWith(urls, "http://10.0.0.5:8787");
  });

  it("with TRUST_PROXY=true, X-Forwarded-Proto and X-Forwarded-Host give the origin", async () => {
    const urls = await urlsOf({ TRUST_PROXY: "true" }, "http://10.0.0.5:8787", {
      host: "10.0.0.5:8787",
      "x-forwarded-proto": "https, http",
      "x-forwarded-host": "roster.example.org, 10.0.0.5:8787",
    });
    allStartWith(urls, "https://roster.example.org");
  });

  it("with TRUST_PROXY=true, RFC 7239 Forwarded takes precedence over X-Forwarded-*", async () => {
    const urls = await urlsOf({ TRUST_PROXY: "true" }, "http://10.0.0.5:8787", {
      ...SPOOFED,
      forwarded: 'for=192.0.2.60;proto=https;host="sis.example.org:8443", for=10.0.0.1',
    });
    allStartWith(urls, "https://sis.example.org:8443");
  });

  it("a forwarded host that is not a plain host[:port] is not used", async () => {
    const urls = await urlsOf({ TRUST_PROXY: "true" }, "http://10.0.0.5:8787", {
      "x-forwarded-proto": "javascript",
      "x-forwarded-host": "evil.example/phish?x=",
    });
    allStartWith(urls, "http://10.0.0.5:8787");
  });

  it("refuses a PUBLIC_URL with a path, or a TRUST_PROXY that is not a boolean, naming the fix", () => {
    expect(() =>
      loadConfig({ TOKEN_SECRET, PUBLIC_URL: "https://roster.example.org/gateway" }),
    ).toThrow(/PUBLIC_URL="https:\/\/roster.example.org\/gateway": must be the origin/);
    expect(() => loadConfig({ TOKEN_SECRET, TRUST_PROXY: "maybe" })).toThrow(
      /TRUST_PROXY="maybe": must be true/,
    );
  });
});
