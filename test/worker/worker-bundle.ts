import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const WRANGLER_CONFIG = `${ROOT}wrangler.toml`;

/** Where `npm run build:worker` writes the bundle wrangler would upload. */
export const WORKER_BUNDLE_DIR = "dist/worker";
export const WORKER_BUNDLE = `${ROOT}${WORKER_BUNDLE_DIR}/index.js`;

/**
 * Bundles the Worker exactly as `wrangler deploy` would, without uploading it (offline). The
 * suite runs on this bundle rather than on the sources, so it proves what would be deployed.
 */
export function buildWorkerBundle(): void {
  const result = spawnSync(
    process.execPath,
    [
      `${ROOT}node_modules/wrangler/bin/wrangler.js`,
      "deploy",
      "--dry-run",
      "--outdir",
      WORKER_BUNDLE_DIR,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  if (result.status !== 0) {
    throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
  }
}
