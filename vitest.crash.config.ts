import { defineConfig } from "vitest/config";

// `npm run test:crash`: imports SIGKILLed at random points (test/crash). Not part of `npm test`:
// each trial spawns processes, so it runs on its own (and briefly in .ci/run).
export default defineConfig({
  test: {
    include: ["test/crash/**/*.crash.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
