import { serve } from "@hono/node-server";
import { createApp } from "../../app/create-app.ts";
import type { Runtime } from "../runtime.ts";

/** Serves the gateway until SIGINT/SIGTERM, then closes the database cleanly. */
export async function serveRuntime(
  runtime: Runtime,
  onListening?: (url: string) => void,
): Promise<void> {
  const { config, database } = runtime;
  const app = createApp({
    config,
    db: database.db,
    dbKind: database.kind,
    schemaVersion: runtime.schemaVersion,
  });
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const url = `http://${config.HOST}:${info.port}`;
      if (onListening) onListening(url);
      else console.error(`TSA Coach Gateway listening on ${url} (database: ${database.kind})`);
    });
    const stop = () => {
      server.close(() => {
        void database.close().then(resolve);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
