import { sql, TransactionRollbackError } from "drizzle-orm";
import type { FileMode, FileName, PackageLimits } from "../csv/index.ts";
import {
  addProblem,
  fileCounters,
  type ImportReport,
  openOneRosterPackage,
  type ReportCollector,
  readPackage,
} from "../csv/index.ts";
import type { Database, Transaction } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";
import type { CsvRecord } from "../entities/csv-record.ts";
import { entityOfFile, FILE_ENTITIES } from "../entities/index.ts";
import type { Tenant } from "../tenants/index.ts";
import {
  countActive,
  currentChangeSeq,
  findBrokenReferences,
  foreignChanges,
  markMissingAsDeleted,
  upsertRows,
  WHOLE_TENANT,
  type WriterScope,
} from "../writes/index.ts";
import {
  analyzeStaging,
  createStaging,
  markForeignLines,
  stagedLines,
  stageLines,
} from "./staging.ts";

export type ImportStatus = "succeeded" | "rejected" | "failed";

export interface ImportProgress {
  file: FileName;
  /** Rows read so far, all files together. */
  rows: number;
  /** Bytes of CSV read so far, of `bytesTotal` (inflated sizes, not the zip's). */
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Apply a bulk import even when it removes more than `maxRemovalShare`. */
  force?: boolean;
  maxRemovalShare: number;
  limits?: Partial<PackageLimits>;
  /**
   * Whose records the importer may create, change and remove; a client restricted to an org
   * gets its subtree (`orgSubtree`). Default: the whole tenant.
   */
  scope?: (tx: Transaction) => Promise<WriterScope>;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  status: ImportStatus;
  dryRun: boolean;
  report: ImportReport;
}

/** The advisory lock an import of the tenant holds for its whole transaction. */
export const importLockKey = (tenantId: string) => sql`hashtext(${`import:${tenantId}`})`;

/** Files whose mass removal is held for a person to confirm (`--force`). */
const GUARDED: readonly FileName[] = ["users", "enrollments"];
const BATCH = 5000;

/**
 * Imports one OneRoster CSV package into a tenant, all or nothing: one transaction, one import
 * per tenant at a time (a second waits for the first), references and duplicates checked
 * set-based before commit, bulk files as full snapshots. A package with any error, or a bulk
 * removal above the threshold, is rejected and changes nothing; so is every dry run, which
 * otherwise gives exactly the report and counts of the real run.
 *
 * @example
 * const { status, report } = await importPackage(db, tenant, "district.zip", { maxRemovalShare: 0.2 });
 */
export async function importPackage(
  db: Database,
  tenant: Tenant,
  path: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const dryRun = options.dryRun ?? false;
  const pkg = await openOneRosterPackage(path, { limits: options.limits ?? {} });
  const { collector, report } = pkg;
  try {
    const source = pkg.source;
    if (source === undefined || pkg.manifest === undefined) {
      return { status: "rejected", dryRun, report };
    }
    await withTenant(db, tenant.id, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${importLockKey(tenant.id)})`);
      await tx.execute(sql`set constraints all deferred`);
      await createStaging(tx);
      const scope = (await options.scope?.(tx)) ?? WHOLE_TENANT;
      const since = await currentChangeSeq(tx);
      const loader = new PackageLoader(
        tx,
        tenant.id,
        scope,
        since,
        collector,
        options,
        (file, rows) =>
          options.onProgress?.({
            file,
            rows,
            bytesRead: source.bytesRead,
            bytesTotal: source.bytesTotal,
          }),
      );
      try {
        for await (const row of readPackage(pkg)) {
          await loader.add(row.record, row.mode, row.line);
        }
      } finally {
        await loader.settled();
      }
      await loader.finish();
      if (report.status === "rejected" || dryRun) tx.rollback();
    });
    await analyzeChanged(db, report);
    return { status: "succeeded", dryRun, report };
  } catch (error) {
    if (error instanceof TransactionRollbackError) {
      return { status: report.status === "rejected" ? "rejected" : "succeeded", dryRun, report };
    }
    addProblem(collector, {
      file: report.package,
      rule: "import.database_refused",
      message: `The database refused the import: ${databaseReason(error)}`,
    });
    return { status: "failed", dryRun, report };
  } finally {
    await pkg.close();
  }
}

/** Batches records per file, applies them and keeps the per-file counters. */
class PackageLoader {
  private readonly batches = new Map<FileName, { records: CsvRecord[]; lines: number[] }>();
  private readonly modes = new Map<FileName, FileMode>();
  private readonly activeBefore = new Map<FileName, number>();
  private rows = 0;
  /** The batch the database is writing while the next one is read and parsed. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly tx: Transaction,
    private readonly tenantId: string,
    private readonly scope: WriterScope,
    private readonly since: number,
    private readonly collector: ReportCollector,
    private readonly options: ImportOptions,
    private readonly progress: (file: FileName, rows: number) => void,
  ) {}

  async add(record: CsvRecord, mode: FileMode, line: number): Promise<void> {
    const file = record.file;
    if (!this.modes.has(file)) {
      this.modes.set(file, mode);
      if (mode === "bulk") {
        await this.writing;
        this.activeBefore.set(file, await countActive(this.tx, entityOfFile(file), this.scope));
      }
    }
    const batch = this.batches.get(file) ?? { records: [], lines: [] };
    this.batches.set(file, batch);
    batch.records.push(record);
    batch.lines.push(line);
    this.rows += 1;
    if (batch.records.length >= BATCH) {
      // One batch in flight: parsing the next overlaps the database's work on this one.
      await this.writing;
      this.writing = this.flush(file);
      // A failure surfaces at the next await of `writing`, not as an unhandled rejection.
      this.writing.catch(() => {});
    }
  }

  /** Resolves once the batch in flight is written; rejects if writing it failed. */
  settled(): Promise<void> {
    return this.writing;
  }

  async finish(): Promise<void> {
    for (const file of this.batches.keys()) await this.flush(file);
    const lastFile = [...this.batches.keys()].at(-1);
    if (lastFile) this.progress(lastFile, this.rows);
    await analyzeStaging(this.tx);
    for (const [file, mode] of this.modes) {
      if (mode === "bulk") await this.removeMissing(file);
    }
    await this.refuseForeignChanges();
    if (await this.referencesHold()) return;
    const { problems, total } = await findBrokenReferences(
      this.tx,
      [...this.modes.keys()].map((file) => ({
        entity: entityOfFile(file),
        written: stagedLines(file),
      })),
    );
    for (const broken of problems) {
      const column = broken.names.csv;
      addProblem(this.collector, {
        file: `${broken.entity.file?.name}.csv`,
        line: broken.line,
        column,
        rule: "reference.unknown_record",
        value: broken.value,
        message: `${column} points at '${broken.value}', which is neither in the package nor already held (${broken.target}).`,
      });
    }
    if (total > problems.length) {
      addProblem(this.collector, {
        file: this.collector.report.package,
        rule: "reference.unknown_record",
        message: `${total - problems.length} more rows point at records that do not exist.`,
      });
    }
  }

  /** A restricted client's package may not create, change or remove records outside its subtree. */
  private async refuseForeignChanges(): Promise<void> {
    if (this.scope.orgs === undefined) return;
    for (const file of this.modes.keys()) {
      const { changes, total } = await foreignChanges(
        this.tx,
        entityOfFile(file),
        stagedLines(file),
        this.scope,
        this.since,
      );
      for (const change of changes) {
        addProblem(this.collector, {
          file: `${file}.csv`,
          line: change.line,
          column: "sourcedId",
          rule: "scope.outside_org",
          value: change.sourcedId,
          message: `'${change.sourcedId}' lies outside the org subtree this client is restricted to, so this client may not create or change it.`,
        });
      }
      if (total > changes.length) {
        addProblem(this.collector, {
          file: `${file}.csv`,
          rule: "scope.outside_org",
          message: `${total - changes.length} more rows would change records outside this client's org subtree.`,
        });
      }
    }
  }

  /**
   * Runs the deferred foreign-key checks now, in a savepoint: when they pass (the usual case)
   * the slower per-line search for broken references is not needed at all.
   */
  private async referencesHold(): Promise<boolean> {
    return this.tx
      .transaction(async (savepoint) => {
        await savepoint.execute(sql`set constraints all immediate`);
      })
      .then(
        () => true,
        () => false,
      );
  }

  private async flush(file: FileName): Promise<void> {
    const batch = this.batches.get(file);
    if (!batch || batch.records.length === 0) return;
    this.batches.set(file, { records: [], lines: [] });
    const staged = batch.records.map((record, i) => ({
      record,
      sourcedId: String(record.values.sourcedId),
      line: batch.lines[i] ?? 0,
    }));
    const duplicates = await stageLines(this.tx, file, staged);
    const counters = fileCounters(this.collector, `${file}.csv`);
    for (const duplicate of duplicates) {
      counters.rejected += 1;
      addProblem(this.collector, {
        file: `${file}.csv`,
        line: duplicate.line,
        column: "sourcedId",
        rule: "row.duplicate_sourced_id",
        value: duplicate.sourcedId,
        message: `sourcedId '${duplicate.sourcedId}' is already used on line ${duplicate.firstLine}.`,
      });
    }
    const dropped = new Set(duplicates.map((d) => d.line));
    const entity = entityOfFile(file);
    const kept = staged.filter((s) => !dropped.has(s.line));
    await markForeignLines(
      this.tx,
      file,
      entity,
      kept.map((s) => s.sourcedId),
      this.scope,
    );
    const applied = await upsertRows(
      this.tx,
      entity,
      kept.map((s) => entity.fromCsv(this.tenantId, s.record)),
    );
    counters.inserted += applied.inserted;
    counters.updated += applied.updated;
    counters.unchanged += applied.unchanged;
    this.progress(file, this.rows);
  }

  private async removeMissing(file: FileName): Promise<void> {
    const deleted = await markMissingAsDeleted(
      this.tx,
      entityOfFile(file),
      stagedLines(file),
      this.scope,
    );
    fileCounters(this.collector, `${file}.csv`).deleted += deleted;
    const before = this.activeBefore.get(file) ?? 0;
    const share = before === 0 ? 0 : deleted / before;
    if (GUARDED.includes(file) && share > this.options.maxRemovalShare && !this.options.force) {
      addProblem(this.collector, {
        file: `${file}.csv`,
        rule: "import.removal_held",
        message: `This bulk file would mark ${deleted} of ${before} active ${file} (${Math.round(share * 100)}%) as tobedeleted, more than the ${Math.round(this.options.maxRemovalShare * 100)}% allowed.`,
      });
    }
  }
}

/**
 * Gives the planner fresh statistics for the tables the import changed, once it has committed,
 * so reads after a large import do not plan on empty-table estimates until autovacuum comes by.
 * Statistics are an optimisation only: should ANALYZE fail, the committed import stands.
 */
async function analyzeChanged(db: Database, report: ImportReport): Promise<void> {
  if (report.status === "rejected") return;
  const tables = Object.entries(report.files).flatMap(([entry, counts]) => {
    const entity = FILE_ENTITIES.get(entry.replace(/\.csv$/, "") as FileName);
    const changed = counts.inserted + counts.updated + counts.deleted > 0;
    return entity && changed ? [sql.identifier(entity.tableName)] : [];
  });
  if (tables.length === 0) return;
  await db.execute(sql`analyze ${sql.join(tables, sql`, `)}`).catch(() => {});
}

/** The database's reason (constraint and message) without the SQL or its parameters. */
function databaseReason(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(error);
}
