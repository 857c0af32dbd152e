import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { STACK, serveWith } from "./support/serve-with.ts";

describe("start-up errors name the cause and the fix", () => {
  it("says the connection was refused, not 'run migrate'", async () => {
    const result = await serveWith({ DATABASE_URL: "postgres://app@127.0.0.1:1/tsa" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/127\.0\.0\.1:1 \(connection refused\)\. Start PostgreSQL/);
    expect(result.stderr).not.toMatch(/migrate/);
    expect(result.stderr).not.toMatch(STACK);
  });

  it("says the port is in use", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = await serveWith({ PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use.*set PORT`),
      );
      expect(result.stderr).not.toMatch(STACK);
    } finally {
      taken.close();
    }
  });
});
