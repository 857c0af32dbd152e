import { serve } from "@hono/node-server";
import { createApp } from "../../app/create-app.ts";
import { startPartitionUpkeep } from "../../platform/index.ts";
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
  const upkeep = startPartitionUpkeep(database.db, (line) => console.error(line));
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const url = `http://${config.HOST}:${info.port}`;
      if (onListening) onListening(url);
      else console.error(`TSA Coach Gateway listening on ${url} (database: ${database.kind})`);
    });
    const stop = () => {
      server.close(() => {
        void upkeep.stop().then(() => database.close().then(resolve));
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
