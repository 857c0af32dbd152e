import { defineConfig } from "vitest/config";

// The Worker suite: the bundle wrangler would deploy, run in workerd (Miniflare) against
// PostgreSQL through a local Hyperdrive binding. `npm run test:worker`.
export default defineConfig({
  test: {
    include: ["test/worker/**/*.worker-test.ts"],
    globalSetup: ["test/worker/global-setup.ts"],
    env: { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
