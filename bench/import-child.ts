// Imports run in their own process, so the peak RSS is the imports' alone.
// Usage: tsx bench/import-child.ts <pglite|postgres-url> <tenant-slug> <package.zip>...
// Imports each package in turn into the same tenant and prints one JSON line per import; the
// peak RSS printed after the first import is that import's own.
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { importPackage } from "../src/imports/import-package.ts";
import { createTenant } from "../src/tenants/tenants.ts";

const [target, slug, ...paths] = process.argv.slice(2);
if (!target || !slug || paths.length === 0)
  throw new Error("usage: import-child.ts <pglite|url> <slug> <zip>...");
const handle = await openDatabase(
  target === "pglite" ? { kind: "pglite" } : { kind: "postgres", url: target },
);
if (target === "pglite") await migrateDatabase(handle);
const tenant = await createTenant(handle.db, slug, slug);
for (const path of paths) {
  const started = performance.now();
  const outcome = await importPackage(handle.db, tenant, path, { maxRemovalShare: 1 });
  const seconds = (performance.now() - started) / 1000;
  const files = Object.values(outcome.report.files);
  const sum = (key: "inserted" | "updated" | "unchanged" | "deleted") =>
    files.reduce((total, f) => total + f[key], 0);
  console.log(
    JSON.stringify({
      status: outcome.status,
      inserted: sum("inserted"),
      updated: sum("updated"),
      unchanged: sum("unchanged"),
      deleted: sum("deleted"),
      seconds,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}
await handle.close();
