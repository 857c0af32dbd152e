import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { repairHyperdriveRelay } from "./hyperdrive-relay.ts";
import { WORKER_BUNDLE, WRANGLER_CONFIG } from "./worker-bundle.ts";

export const WORKER_TOKEN_SECRET = "worker-test-secret-worker-test-secret-0123";

export interface LocalWorker {
  /** Base URL of the Worker, served by workerd on a free local port. */
  url: URL;
  /** Milliseconds from `new Miniflare` until workerd accepts requests. */
  readyMs: number;
  dispose(): Promise<void>;
}

/**
 * Runs the bundled Worker in workerd with the settings of wrangler.toml, its Hyperdrive
 * binding pointed at `databaseUrl` the way `localConnectionString` does for `wrangler dev`.
 */
export async function startWorker(
  databaseUrl: string,
  bindings: Record<string, string> = { TOKEN_SECRET: WORKER_TOKEN_SECRET },
): Promise<LocalWorker> {
  repairHyperdriveRelay();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG);
  const started = performance.now();
  const mf = new Miniflare({
    modules: true,
    scriptPath: WORKER_BUNDLE,
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags,
    bindings: { ...workerOptions.bindings, ...bindings },
    hyperdrives: { HYPERDRIVE: withPassword(databaseUrl) },
    cf: false,
    port: 0,
  });
  const url = await mf.ready;
  return { url, readyMs: performance.now() - started, dispose: () => mf.dispose() };
}

/**
 * Hyperdrive, and Miniflare standing in for it, refuse a connection string without a
 * password; a local server with trust authentication ignores whatever is given.
 */
function withPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.password) url.password = "local";
  return url.toString();
}
