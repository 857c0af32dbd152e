import { createRoute, z } from "@hono/zod-openapi";
import type { AppOpenAPI } from "../kernel/app-env.ts";
import { jsonContent } from "../kernel/openapi-helpers.ts";

const HealthSchema = z
  .object({
    status: z.enum(["ok"]),
    database: z.enum(["pglite", "postgres"]),
    schemaVersion: z.string().nullable(),
    time: z.string(),
  })
  .openapi("Health");

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["Gateway"],
  summary: "Liveness and the database the gateway runs on",
  responses: { 200: jsonContent(HealthSchema, "The gateway is up") },
});

export function registerHealth(app: AppOpenAPI): void {
  app.openapi(healthRoute, (c) => {
    const { dbKind, schemaVersion } = c.var.deps;
    return c.json(
      { status: "ok" as const, database: dbKind, schemaVersion, time: new Date().toISOString() },
      200,
    );
  });
}
