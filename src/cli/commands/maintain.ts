import { describeMaintenance, maintain } from "../../platform/index.ts";
import { openRuntime } from "../runtime.ts";

/** Keeps monthly partitions ahead and refreshes the dashboards; prints what it did. */
export async function maintainCommand(): Promise<void> {
  const runtime = await openRuntime({ migrate: "embedded" });
  try {
    const report = await maintain(runtime.database.db);
    for (const line of describeMaintenance(report)) console.log(line);
  } finally {
    await runtime.database.close();
  }
}
