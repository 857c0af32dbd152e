import { deploymentScript } from "../../db/sql-script.ts";
import { defineCommand } from "../command.ts";
import { openRuntime } from "../runtime.ts";

export const migrateCommand = defineCommand({
  name: "migrate",
  summary: "apply the database migrations the gateway needs",
  usage: ["migrate"],
  options: {},
  notes:
    "Run it once after each upgrade on PostgreSQL (DATABASE_URL); the embedded database migrates on every start.",
  run: async () => {
    const runtime = await openRuntime({ migrate: "always" });
    console.error(`Schema is at ${runtime.schemaVersion} (${runtime.database.kind}).`);
    await runtime.database.close();
    return 0;
  },
});

export const sqlCommand = defineCommand({
  name: "sql",
  summary: "print the whole deployment as one SQL script (for psql -f)",
  usage: ["sql"],
  options: {},
  notes:
    'Opens no database: e.g. npx tsa-gateway sql > deploy.sql && psql "$DATABASE_URL" -f deploy.sql',
  run: async () => {
    process.stdout.write(deploymentScript());
    return 0;
  },
});
