import { describeMaintenance, maintain } from "../../platform/index.ts";
import { defineCommand } from "../command.ts";
import { openRuntime } from "../runtime.ts";

/** Keeps monthly partitions ahead and refreshes the dashboards; prints what it did. */
export const maintainCommand = defineCommand({
  name: "maintain",
  summary: "create partitions ahead and refresh the dashboards",
  usage: ["maintain"],
  options: {},
  notes:
    "`serve` keeps partitions ahead by itself; run `maintain` from cron (e.g. nightly) to refresh the dashboards.",
  run: async () => {
    const runtime = await openRuntime({ migrate: "embedded" });
    try {
      const report = await maintain(runtime.database.db);
      for (const line of describeMaintenance(report)) console.log(line);
    } finally {
      await runtime.database.close();
    }
    return 0;
  },
});
