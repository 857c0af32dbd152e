// One import in its own process, so its peak RSS is the import's alone.
// Usage: tsx bench/import-child.ts <package.zip> <pglite|postgres-url> <tenant-slug>
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { importPackage } from "../src/imports/import-package.ts";
import { createTenant } from "../src/tenants/tenants.ts";

const [path, target, slug] = process.argv.slice(2);
if (!path || !target || !slug) throw new Error("usage: import-child.ts <zip> <pglite|url> <slug>");
const handle = await openDatabase(
  target === "pglite" ? { kind: "pglite" } : { kind: "postgres", url: target },
);
if (target === "pglite") await migrateDatabase(handle);
const tenant = await createTenant(handle.db, slug, slug);
const started = performance.now();
const outcome = await importPackage(handle.db, tenant, path, { maxRemovalShare: 1 });
const seconds = (performance.now() - started) / 1000;
const rows = Object.values(outcome.report.files).reduce((sum, f) => sum + f.inserted, 0);
await handle.close();
console.log(
  JSON.stringify({
    status: outcome.status,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
