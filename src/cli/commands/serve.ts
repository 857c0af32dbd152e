import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../app/create-app.ts";
import { closeInterruptedImports } from "../../imports/index.ts";
import { startPartitionUpkeep } from "../../platform/index.ts";
import { defineCommand } from "../command.ts";
import { CliError, openRuntime, type Runtime } from "../runtime.ts";

export const serveCommand = defineCommand({
  name: "serve",
  summary: "run the HTTP gateway until Ctrl-C",
  usage: ["serve"],
  options: {},
  notes: `Settings come from the environment: PORT (8787; 0 picks a free port), HOST (127.0.0.1),
DATABASE_URL (postgres://…; without it an embedded PostgreSQL under DATA_DIR, ./.data),
TOKEN_SECRET (32+ characters; generated under DATA_DIR when unset), PUBLIC_URL, TRUST_PROXY.
On PostgreSQL run \`npx tsa-gateway migrate\` first; the embedded database migrates itself.`,
  run: async () => {
    await serveRuntime(await openRuntime({ migrate: "embedded" }));
    return 0;
  },
});

/**
 * Serves the gateway until SIGINT/SIGTERM, then closes the database cleanly. Imports a dead
 * process left behind are closed first. `onListening` runs once the port is bound; when it
 * fails, the server stops and the failure is the outcome.
 */
export async function serveRuntime(
  runtime: Runtime,
  onListening?: (url: string) => Promise<void> | void,
): Promise<void> {
  const { config, database } = runtime;
  const interrupted = await closeInterruptedImports(database.db, join(config.DATA_DIR, "uploads"));
  if (interrupted.length > 0) {
    console.error(
      `Closed ${interrupted.length} import(s) interrupted by an earlier stop: ${interrupted.map((job) => job.id).join(", ")}`,
    );
  }
  const app = createApp({
    config,
    db: database.db,
    dbKind: database.kind,
    schemaVersion: runtime.schemaVersion,
  });
  const upkeep = startPartitionUpkeep(database.db, (line) => console.error(line));
  await new Promise<void>((resolve, reject) => {
    const shutDown = (then: () => void) =>
      void upkeep
        .stop()
        .then(() => database.close())
        .then(then, reject);
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const url = `http://${config.HOST}:${info.port}`;
      if (!onListening) {
        console.error(`TSA Coach Gateway listening on ${url} (database: ${database.kind})`);
        return;
      }
      Promise.resolve(onListening(url)).catch((error: unknown) => {
        server.close();
        shutDown(() => reject(error));
      });
    });
    server.once("error", (error: Error & { code?: string }) => {
      shutDown(() => reject(listenError(error, config.HOST, config.PORT)));
    });
    const stop = () => server.close(() => shutDown(resolve));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

function listenError(error: Error & { code?: string }, host: string, port: number): Error {
  switch (error.code) {
    case "EADDRINUSE":
      return new CliError(
        `Port ${port} on ${host} is in use by another process. Stop that process, or set PORT to a free port (PORT=0 picks one).`,
      );
    case "EACCES":
      return new CliError(
        `This user may not listen on port ${port} of ${host}. Set PORT to 1024 or above.`,
      );
    case "EADDRNOTAVAIL":
      return new CliError(
        `${host} is not an address of this machine. Set HOST to one of its addresses (or 0.0.0.0 for all).`,
      );
    default:
      return error;
  }
}
