import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { ONEROSTER_SERVICES } from "../kernel/vocabulary.ts";
import { BASE_PATHS, OFFICIAL_DOCUMENTS, SERVICE_TITLES } from "../oneroster/index.ts";

const ASSETS = "/docs/assets";
const JS = "text/javascript; charset=utf-8";

/** The only files served from swagger-ui-dist (pinned in package.json), with their types. */
const DIST_FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": JS,
  "swagger-ui-standalone-preset.js": JS,
  "favicon-32x32.png": "image/png",
};

/** The documents of the top bar's dropdown: the gateway's first, then each service's own. */
const DOCUMENTS = [
  { url: "/openapi.json", name: "TSA Coach Gateway (all routes)" },
  ...ONEROSTER_SERVICES.map((service) => ({
    url: `${BASE_PATHS[service]}/discovery/${OFFICIAL_DOCUMENTS[service]}`,
    name: SERVICE_TITLES[service],
  })),
];

// Served as a file rather than inline so the page carries no script of its own.
const INITIALIZER = `window.ui = SwaggerUIBundle({
  urls: ${JSON.stringify(DOCUMENTS)},
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TSA Coach Gateway API</title>
<link rel="icon" type="image/png" href="${ASSETS}/favicon-32x32.png">
<link rel="stylesheet" href="${ASSETS}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${ASSETS}/swagger-ui-bundle.js"></script>
<script src="${ASSETS}/swagger-ui-standalone-preset.js"></script>
<script src="${ASSETS}/swagger-initializer.js"></script>
</body>
</html>
`;

let distDirectory: string | undefined;
const distPath = (file: string) => {
  // Resolved on first use: the package is found wherever npm put it.
  distDirectory ??= dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return join(distDirectory, file);
};

/**
 * Serves the interactive docs from the gateway itself, so they work without internet access:
 * the page at /docs and Swagger UI's files under /docs/assets/, each with a strict content type.
 */
export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  const strict = { "X-Content-Type-Options": "nosniff" };
  app.get("/docs", (c) => c.html(PAGE, 200, strict));
  app.get(`${ASSETS}/swagger-initializer.js`, (c) =>
    c.body(INITIALIZER, 200, { ...strict, "Content-Type": JS }),
  );
  app.get(`${ASSETS}/:file`, async (c) => {
    const file = c.req.param("file");
    const type = DIST_FILES[file];
    if (!type) throw new ApiError("not_found", `No docs asset ${file}`);
    const body = await readFile(distPath(file));
    return c.body(body, 200, {
      ...strict,
      "Content-Type": type,
      "Cache-Control": "public, max-age=86400",
    });
  });
}
