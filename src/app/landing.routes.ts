import type { OpenAPIHono } from "@hono/zod-openapi";
import { html, raw } from "hono/html";
import type { AppEnv } from "../kernel/app-env.ts";
import { publicOrigin } from "../kernel/public-origin.ts";
import { ONEROSTER_SERVICES } from "../kernel/vocabulary.ts";
import { BASE_PATHS, OFFICIAL_DOCUMENTS, SERVICE_TITLES } from "../oneroster/index.ts";

interface Link {
  href: string;
  text: string;
  about: string;
}

/** What the landing page links, section by section; the tests follow every link. */
export const LANDING_LINKS: Readonly<Record<string, readonly Link[]>> = {
  "For district staff": [
    {
      href: "/console",
      text: "Console",
      about: "sign in to upload roster packages, read their reports, export and manage API clients",
    },
  ],
  "For developers": [
    { href: "/docs", text: "API documentation", about: "every route, tried out in the browser" },
    { href: "/openapi.json", text: "OpenAPI document", about: "all routes as OpenAPI 3.1 JSON" },
    ...ONEROSTER_SERVICES.map((service) => ({
      href: `${BASE_PATHS[service]}/discovery/${OFFICIAL_DOCUMENTS[service]}`,
      text: `${SERVICE_TITLES[service]} discovery document`,
      about: `the official OpenAPI document of the service, at ${BASE_PATHS[service]}`,
    })),
    {
      href: "/ed-fi",
      text: "Ed-Fi Data Standard 5 API",
      about: "read API, bulk export and change queries",
    },
  ],
  "For operators": [
    { href: "/health", text: "Health", about: "the process answers (liveness)" },
    {
      href: "/health/ready",
      text: "Readiness",
      about: "the database answers with the schema it needs",
    },
  ],
};

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.75rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
ul { padding-left: 1.25rem; }
li { margin: .4rem 0; }
a { color: #0b4f9c; font-weight: 600; }
a:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
pre { background: #f3f3f3; padding: .75rem; overflow-x: auto; }
`;

const page = (origin: string) => html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TSA Coach Gateway</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
<h1>TSA Coach Gateway</h1>
<p>A OneRoster 1.2 and Ed-Fi gateway: rosters, gradebooks and resources of your district, served to the applications you allow.</p>
</header>
<main>
${Object.entries(LANDING_LINKS).map(
  ([title, links]) => html`<section aria-labelledby="${slug(title)}">
<h2 id="${slug(title)}">${title}</h2>
<ul>
${links.map(
  (link) => html`<li><a href="${link.href}">${link.text}</a>: ${link.about}</li>
`,
)}</ul>
</section>
`,
)}<section aria-labelledby="token">
<h2 id="token">Getting a token</h2>
<p>Create a client with <code>npx tsa-gateway clients create --tenant &lt;slug&gt; --name "&lt;name&gt;" --all</code>, then:</p>
<pre><code>curl -s -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials ${origin}/oauth/token</code></pre>
</section>
</main>
</body>
</html>
`;

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z]+/g, "-");
}

/**
 * `GET /`: a page for people who open the gateway's address in a browser; no script, no CDN.
 * The token example names the address clients reach the gateway at.
 */
export function registerLanding(app: OpenAPIHono<AppEnv>): void {
  app.get("/", (c) => c.html(page(publicOrigin(c)), 200, { "X-Content-Type-Options": "nosniff" }));
}
