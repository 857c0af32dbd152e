import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { tenants } from "../src/db/schema/index.ts";
import { createTenant } from "../src/tenants/tenants.ts";
import { freshBenchDatabase } from "./bench-database.ts";
import { copyBaseline } from "./copy-baseline.ts";
import { copyToFloor, timeExport } from "./export-copy.ts";
import { against, type Figure } from "./figures.ts";
import { writeBenchPackages } from "./packages.ts";
import { rawCopyFloor } from "./raw-floor.ts";

const CHILD = fileURLToPath(new URL("import-child.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

interface ImportRun {
  status: string;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  seconds: number;
  maxRssMiB: number;
}

/** Imports the packages in turn into one tenant, in a process of their own. */
function runImports(target: string, slug: string, zips: string[]): ImportRun[] {
  const output = execFileSync(TSX, [CHILD, target, slug, ...zips], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const runs = output
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as ImportRun);
  for (const run of runs) {
    if (run.status !== "succeeded") throw new Error(`import into ${slug} ended ${run.status}`);
  }
  return runs;
}

const changed = (run: ImportRun) => run.inserted + run.updated + run.deleted;

/**
 * The import and export figures of one package size, each beside its baseline measured in the
 * same run on the same (fresh) database: the bulk import against the raw `COPY` floor and
 * against COPY into our own tables, a re-import of the same bytes and a 1 % delta against the
 * bulk import, the import's peak RSS, the export against `COPY … TO`, and PGlite's import
 * against PostgreSQL's.
 */
export async function importExportFigures(
  size: string,
  students: number,
  dir: string,
  options: { pglite: boolean },
): Promise<Figure[]> {
  const pkg = await writeBenchPackages(dir, students);
  const database = await freshBenchDatabase();
  const base = { suite: "import", size, unit: "s" };
  try {
    const floor = await rawCopyFloor(database.url, pkg.csvDir);
    const [bulk, again, delta] = runImports(database.url, "imported", [
      pkg.bulk,
      pkg.bulk,
      pkg.delta,
    ]);
    if (!bulk || !again || !delta) throw new Error("the import child printed too few results");
    const [imported] = await database.handle.db
      .select()
      .from(tenants)
      .where(eq(tenants.slug, "imported"));
    const tenantId = imported?.id ?? "";
    const copyTarget = await createTenant(database.handle.db, "copied", "copied");
    const ownTables = await copyBaseline(database.url, tenantId, copyTarget.id);
    const exported = await timeExport(database.handle.db, tenantId);
    const copiedOut = await copyToFloor(database.url, tenantId);
    const rawFloor = `\`COPY\` of the same CSV bytes into plain text tables (${floor.rows} rows)`;
    const figures: Figure[] = [
      against(
        {
          ...base,
          figure: "Bulk import",
          value: bulk.seconds,
          baseline: rawFloor,
          goal: "≤ 10×",
          note: `${bulk.inserted} rows`,
        },
        floor.seconds,
      ),
      against(
        {
          ...base,
          figure: "COPY into our own tables (what the schema costs)",
          value: ownTables.seconds,
          baseline: rawFloor,
          goal: "≤ 6×",
          note: `${ownTables.rows} rows`,
        },
        floor.seconds,
      ),
      against(
        {
          ...base,
          figure: "Re-import, nothing changed",
          value: again.seconds,
          baseline: "the bulk import",
          goal: "≤ 0.25×",
          note: `${changed(again)} rows changed`,
        },
        bulk.seconds,
      ),
      against(
        {
          ...base,
          figure: `Delta import, 1 % of the rows (${pkg.deltaRows} users)`,
          value: delta.seconds,
          baseline: "the bulk import",
          goal: "≤ 0.05×",
          note: `${changed(delta)} rows changed`,
        },
        bulk.seconds,
      ),
      {
        ...base,
        figure: "Peak RSS of the bulk import",
        value: bulk.maxRssMiB,
        unit: "MiB",
        goal: "≤ 256 MiB",
      },
      against(
        {
          ...base,
          suite: "export",
          figure: "OneRoster export (zip)",
          value: exported.seconds,
          baseline: `\`COPY … TO STDOUT\` of the same tables (${copiedOut.rows} rows)`,
          goal: "≤ 2×",
          note: `${exported.rows} rows, ${Math.round(exported.bytes / 1024)} KiB zipped`,
        },
        copiedOut.seconds,
      ),
    ];
    if (options.pglite) {
      const [embedded] = runImports("pglite", "embedded", [pkg.bulk]);
      if (embedded)
        figures.push(
          against(
            {
              ...base,
              figure: "PGlite bulk import",
              value: embedded.seconds,
              baseline: "PostgreSQL's bulk import",
              goal: "≤ 2× (≥ 50 % of the speed)",
            },
            bulk.seconds,
          ),
        );
    }
    return figures;
  } finally {
    await database.drop();
  }
}
