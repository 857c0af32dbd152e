import cluster, { type Worker } from "node:cluster";
import { once } from "node:events";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../app/create-app.ts";
import { ClientStateCache, forgetChangedClients, PostgresBudgets } from "../../auth/index.ts";
import { loadConfig } from "../../config/env.ts";
import { closeInterruptedImports } from "../../imports/index.ts";
import { startPartitionUpkeep } from "../../platform/index.ts";
import { defineCommand } from "../command.ts";
import { CliError, openRuntime, type Runtime } from "../runtime.ts";

/** What a cluster worker tells the primary once it listens. */
interface ListeningMessage {
  listening: string;
}

const USAGE = { name: "serve", usage: ["serve [--workers <n>]"] };

/**
 * `serve [--workers N]`: one process, or N of them (node:cluster) sharing the port, so every
 * core serves. The rate limits, revocations and the one-import-per-tenant rule are kept in
 * PostgreSQL, so they hold across the processes; PGlite is one process's, so it refuses N > 1.
 */
export const serveCommand = defineCommand({
  ...USAGE,
  summary: "run the HTTP gateway until Ctrl-C",
  options: {
    workers: {
      type: "string",
      value: "<n>",
      description: "serve from n processes sharing the port (PostgreSQL only), e.g. one per core",
    },
  },
  notes: `Settings come from the environment: PORT (8787; 0 picks a free port), HOST (127.0.0.1),
DATABASE_URL (postgres://…; without it an embedded PostgreSQL under DATA_DIR, ./.data),
TOKEN_SECRET (32+ characters; generated under DATA_DIR when unset), PUBLIC_URL, TRUST_PROXY.
On PostgreSQL run \`npx tsa-gateway migrate\` first; the embedded database migrates itself.`,
  run: async (values) => {
    const workers = workerCount(values.workers);
    if (cluster.isWorker) {
      // Each worker serves; the primary closed interrupted imports and keeps the upkeep.
      const runtime = await openRuntime({ migrate: "never" });
      await serveRuntime(runtime, (url) => void process.send?.({ listening: url }), {
        housekeeping: false,
      });
      cluster.worker?.disconnect();
      return 0;
    }
    if (workers > 1 && !loadConfig().DATABASE_URL) {
      throw new CliError(
        "--workers needs PostgreSQL: the embedded database (PGlite) belongs to one process. Set DATABASE_URL to a PostgreSQL server, or leave --workers out.",
      );
    }
    const runtime = await openRuntime({ migrate: "embedded" });
    await (workers === 1 ? serveRuntime(runtime) : superviseWorkers(runtime, workers));
    return 0;
  },
});

function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > 256) {
    throw new CliError(
      `--workers must be a whole number from 1 to 256 (e.g. the machine's cores); got '${value}'.\nUsage: tsa-gateway ${USAGE.usage[0]}`,
    );
  }
  return count;
}

/**
 * The cluster's primary: does the housekeeping once, forks `count` workers, announces the
 * address once all listen, replaces a worker that dies, and stops them all on SIGINT/SIGTERM.
 */
async function superviseWorkers(runtime: Runtime, count: number): Promise<void> {
  const { database } = runtime;
  await closeImportsLeftBehind(runtime);
  const upkeep = startPartitionUpkeep(database.db, (line) => console.error(line));
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(
        `Gateway worker ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`,
      );
      fork();
    });
    return worker;
  };
  const started = Array.from({ length: count }, fork);
  const urls = await Promise.all(
    started.map(
      (worker) =>
        new Promise<string>((resolve, reject) => {
          worker.on("message", (message: ListeningMessage) => resolve(message.listening));
          worker.once("exit", (code) =>
            reject(new CliError(`A gateway worker could not start (exit code ${code}).`)),
          );
        }),
    ),
  ).catch(async (error: Error) => {
    stopping = true;
    await stopWorkers();
    await upkeep.stop();
    await database.close();
    throw error;
  });
  console.error(
    `TSA Coach Gateway listening on ${urls[0]} (database: ${database.kind}, ${count} workers)`,
  );
  async function stopWorkers(): Promise<void> {
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      running.map(async (worker) => {
        if (worker.isDead()) return;
        const exited = once(worker, "exit");
        worker.process.kill("SIGTERM");
        await exited;
      }),
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      void stopWorkers()
        .then(() => upkeep.stop())
        .then(() => database.close())
        .then(() => resolve());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

async function closeImportsLeftBehind({ config, database }: Runtime): Promise<void> {
  const interrupted = await closeInterruptedImports(database.db, join(config.DATA_DIR, "uploads"));
  if (interrupted.length > 0) {
    console.error(
      `Closed ${interrupted.length} import(s) interrupted by an earlier stop: ${interrupted.map((job) => job.id).join(", ")}`,
    );
  }
}

/**
 * Serves the gateway until SIGINT/SIGTERM, then closes the database cleanly. Unless it is one
 * worker of several, imports a dead process left behind are closed first and the partition
 * upkeep runs here. On PostgreSQL, rate limits are spent in the database and client changes
 * made by any process are heard at once.
 */
export async function serveRuntime(
  runtime: Runtime,
  onListening?: (url: string) => Promise<void> | void,
  { housekeeping = true }: { housekeeping?: boolean } = {},
): Promise<void> {
  const { config, database } = runtime;
  if (housekeeping) await closeImportsLeftBehind(runtime);
  const clientStates = new ClientStateCache();
  const listener =
    database.kind === "postgres" && config.DATABASE_URL
      ? await forgetChangedClients(config.DATABASE_URL, clientStates)
      : undefined;
  const app = createApp({
    config,
    db: database.db,
    dbKind: database.kind,
    schemaVersion: runtime.schemaVersion,
    clientStates,
    ...(database.kind === "postgres" ? { rateLimiter: new PostgresBudgets(database.db) } : {}),
  });
  const upkeep = housekeeping
    ? startPartitionUpkeep(database.db, (line) => console.error(line))
    : undefined;
  const shutDown = async () => {
    await upkeep?.stop();
    await listener?.stop();
    await database.close();
  };
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const url = `http://${config.HOST}:${info.port}`;
      if (!onListening) {
        console.error(`TSA Coach Gateway listening on ${url} (database: ${database.kind})`);
        return;
      }
      Promise.resolve(onListening(url)).catch((error: unknown) => {
        server.close();
        void shutDown().then(() => reject(error));
      });
    });
    server.once("error", (error: Error & { code?: string }) => {
      void shutDown().then(() => reject(listenError(error, config.HOST, config.PORT)));
    });
    const stop = () => {
      server.close(() => {
        void shutDown().then(resolve);
      });
    };
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
