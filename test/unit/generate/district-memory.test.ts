import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { writeGeneratedDistrict } from "../../../src/generate/index.ts";

// 200,000 students without gradebook line items (so without results) still writes about
// three million rows; results would double the run time without adding anything to prove.
it("writes a 200,000-student district without memory growing with it", async () => {
  const dir = await mkdtemp(join(tmpdir(), "generate-memory-"));
  const path = join(dir, "district.zip");
  try {
    // External memory counts too: rows buffered in streams live in Buffers, outside the heap.
    const used = () => {
      const { heapUsed, external } = process.memoryUsage();
      return heapUsed + external;
    };
    const before = used();
    let peak = before;
    const counts = await writeGeneratedDistrict(path, {
      students: 200_000,
      seed: 3,
      lineItemsPerClass: 0,
      onProgress: () => {
        peak = Math.max(peak, used());
      },
    });
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);

    expect(counts.users).toBeGreaterThan(200_000 * 2);
    expect(rows).toBeGreaterThan(2_500_000);
    expect((await stat(path)).size).toBeGreaterThan(20_000_000);
    // Streaming peaks near 30 MB here; ignoring backpressure alone passes 160 MB, and holding
    // the rows would take hundreds of megabytes more.
    expect(peak - before).toBeLessThan(80 * 1024 * 1024);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
