import { createRoute, z } from "@hono/zod-openapi";
import { appliedSchemaVersion, EXPECTED_SCHEMA_VERSION } from "../db/schema-version.ts";
import type { AppOpenAPI } from "../kernel/app-env.ts";
import { ApiError, DATABASE_RETRY_AFTER_SECONDS } from "../kernel/errors.ts";
import { errorResponses, jsonContent } from "../kernel/openapi-helpers.ts";

const HealthSchema = z
  .object({
    status: z.enum(["ok"]),
    database: z.enum(["pglite", "postgres"]),
    schemaVersion: z.string().nullable(),
    time: z.string(),
  })
  .openapi("Health");

const ReadySchema = z
  .object({
    status: z.enum(["ready"]),
    database: z.enum(["pglite", "postgres"]),
    schemaVersion: z.string(),
  })
  .openapi("Ready");

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["Gateway"],
  summary: "Liveness and the database the gateway runs on",
  description:
    "Answers as long as the process serves HTTP; it does not touch the database (see `/health/ready`).",
  responses: { 200: jsonContent(HealthSchema, "The gateway is up") },
});

export const readyRoute = createRoute({
  method: "get",
  path: "/health/ready",
  tags: ["Gateway"],
  summary: "Readiness: the database answers and its schema is the one this gateway needs",
  responses: {
    200: jsonContent(ReadySchema, "Ready to serve"),
    ...errorResponses(503),
  },
});

const notReady = (reason: string) =>
  new ApiError("unavailable", `Not ready: ${reason}`, {
    "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
  });

export function registerHealth(app: AppOpenAPI): void {
  app.openapi(healthRoute, (c) => {
    const { dbKind, schemaVersion } = c.var.deps;
    return c.json(
      { status: "ok" as const, database: dbKind, schemaVersion, time: new Date().toISOString() },
      200,
    );
  });

  app.openapi(readyRoute, async (c) => {
    const { db, dbKind } = c.var.deps;
    const applied = await appliedSchemaVersion(db).catch((error: unknown) => {
      const cause = (error as Error).cause ?? error;
      console.error(`[ready] database check failed: ${(cause as Error).message}`);
      throw notReady("the database does not answer.");
    });
    if (!applied || applied !== EXPECTED_SCHEMA_VERSION) {
      throw notReady(
        `the database schema is at ${applied ?? "nothing"} but this gateway needs ${EXPECTED_SCHEMA_VERSION}; run \`npx tsa-gateway migrate\`.`,
      );
    }
    return c.json({ status: "ready" as const, database: dbKind, schemaVersion: applied }, 200);
  });
}
