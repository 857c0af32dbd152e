import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { scratchDir } from "../support/packages.ts";

describe("serve --workers: bad input is refused with the fix, before anything starts", () => {
  it("refuses several workers on the embedded database, which is one process's", async () => {
    const result = await runCli(["serve", "--workers", "2"], { DATA_DIR: scratchDir(), PORT: "0" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--workers needs PostgreSQL/);
    expect(result.stderr).toMatch(/Set DATABASE_URL/);
  });

  it.each([["0"], ["two"], ["1.5"], ["300"]])("refuses --workers %s", async (count) => {
    const result = await runCli(["serve", "--workers", count], {
      DATA_DIR: scratchDir(),
      PORT: "0",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--workers must be a whole number from 1 to 256/);
  });
});
