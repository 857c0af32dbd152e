import type { ExecutionContext } from "hono";

/** The Hyperdrive binding as the Worker sees it: a connection string to its local pooler. */
export interface HyperdriveBinding {
  connectionString: string;
}

/** Bindings and variables of wrangler.toml, plus secrets put with `wrangler secret put`. */
export interface WorkerEnv {
  HYPERDRIVE: HyperdriveBinding;
  TOKEN_SECRET?: string;
  [variable: string]: unknown;
}

export type WorkerContext = ExecutionContext;
