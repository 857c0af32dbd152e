import { readFile } from "node:fs/promises";
import type { Hono } from "hono";
import type { ConsoleEnv } from "./console-env.ts";

/** The console's only assets, served by the gateway itself (no CDN; works offline). */
const ASSETS: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
};

export function registerAssets(console: Hono<ConsoleEnv>): void {
  console.get("/assets/:name", async (c) => {
    const name = c.req.param("name");
    const type = ASSETS[name];
    if (!type) return c.notFound();
    const text = await readFile(new URL(`./assets/${name}`, import.meta.url), "utf8");
    return c.body(text, 200, { "content-type": type, "cache-control": "no-cache" });
  });
}
