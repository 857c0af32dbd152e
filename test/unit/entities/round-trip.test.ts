import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENTITIES, type Entity, type Field } from "../../../src/entities/index.ts";
import { type PackageFiles, scratchDir, writePackage } from "../../support/packages.ts";
import { readAll } from "../csv-read/package-helpers.ts";

/**
 * Every entity survives every conversion its module declares: stored row → CSV record → CSV
 * text → record → row, CSV record → row → record, and stored row → REST JSON (valid against
 * the official schema) → row. The values are built from each field's kind, so a field added to
 * an entity is covered without touching this test.
 */

const JSON_SAMPLES: Record<string, unknown> = {
  userIds: [{ type: "sis", identifier: "S-1" }],
  scoreScaleValue: [{ itemValueLHS: "A", itemValueRHS: "90-100" }],
  credentials: [{ type: "sso", username: "ann.park", password: "s3cret" }],
};

function sampleValue(entity: Entity, field: Field): unknown {
  switch (field.kind) {
    case "text":
      if (field.csv?.columns[0]?.format.kind === "learningObjectiveSource") return "case";
      if (field.csv?.columns[0]?.format.kind === "guid") return `${field.name}-1`;
      return `${entity.name} ${field.name}`;
    case "code":
      return field.values[0];
    case "date":
      return "2024-09-02";
    case "dayTime":
      return new Date("2024-09-02T00:00:00.000Z");
    case "year":
      return "2025";
    case "float":
      return 87.5;
    case "flag":
      return true;
    case "list":
      return field.name === "roles" ? ["student", "teacher"] : ["09", "10"];
    case "ref":
      return `${field.name}-1`;
    case "refs":
      return [`${field.name}-1`, `${field.name}-2`];
    case "uri":
      return "prf-1";
    case "json":
      return (
        JSON_SAMPLES[field.name] ??
        (entity.name === "assessmentLineItem"
          ? [{ source: "case", learningObjectiveIds: ["lo-1"] }]
          : [
              {
                source: "case",
                learningObjectiveResults: [{ learningObjectiveId: "lo-1", score: 3 }],
              },
            ])
      );
    case "nested":
      return undefined;
  }
}

/** A stored row with every column of the entity filled, as a select would return it. */
function storedRow(entity: Entity): Record<string, unknown> {
  const row: Record<string, unknown> = {
    tenantId: "00000000-0000-0000-0000-000000000001",
    sourcedId: entity.name === "userProfile" ? "prf-1" : `${entity.name}-1`,
    status: "tobedeleted",
    dateLastModified: new Date("2025-01-02T03:04:05.678Z"),
    sourceDateLastModified: new Date("2025-01-02T03:04:05.678Z"),
    metadata: { homeLanguage: "spa" },
  };
  for (const field of entity.fields) {
    if (field.column !== undefined && field.column !== "sourcedId") {
      row[field.column] = sampleValue(entity, field);
    }
  }
  return row;
}

/** The columns a conversion writes, from a row. */
function columnsOf(entity: Entity, row: Record<string, unknown>, through: "csv" | "wire") {
  const kept: Record<string, unknown> = {};
  for (const field of entity.fields) {
    const travels = through === "csv" ? field.csv !== undefined : field.wire;
    if (field.column !== undefined && travels) kept[field.column] = row[field.column];
  }
  return kept;
}

const withFile = ENTITIES.filter((entity) => entity.file !== undefined);
const onWire = ENTITIES.filter((entity) => entity.wireSchema !== undefined);

describe("every entity converts both ways without loss", () => {
  const dir = scratchDir();
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("covers every entity of the three services", () => {
    expect(ENTITIES.map((entity) => entity.name).sort()).toEqual(
      [
        "academicSession",
        "assessmentLineItem",
        "assessmentResult",
        "category",
        "class",
        "classResource",
        "course",
        "courseResource",
        "demographics",
        "enrollment",
        "lineItem",
        "lineItemLearningObjective",
        "lineItemScoreScale",
        "org",
        "resource",
        "result",
        "resultLearningObjective",
        "resultScoreScale",
        "role",
        "scoreScale",
        "user",
        "userProfile",
        "userResource",
      ].sort(),
    );
  });

  it.each(withFile.map((entity) => [entity.name, entity] as const))(
    "%s: row → record → CSV text → record → row is the same row",
    async (_, entity) => {
      const row = storedRow(entity);
      const record = entity.toCsv(row as never);
      const file = entity.file?.name;
      if (file === undefined) throw new Error("no file");
      const path = await writePackage(join(dir, `${file}.zip`), {
        [file]: { mode: "delta", records: [record] },
      } as PackageFiles);
      const { report, rows } = await readAll(path);
      expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
      const read = rows.find((r) => r.record.file === file)?.record;
      expect(read).toEqual(record);
      const back = entity.fromCsv(String(row.tenantId), read as never) as Record<string, unknown>;
      expect(columnsOf(entity, back, "csv")).toEqual(columnsOf(entity, row, "csv"));
      expect(back.status).toBe(row.status);
      expect(back.sourceDateLastModified).toEqual(row.dateLastModified);
      expect(back.metadata).toEqual(row.metadata);
    },
  );

  it.each(withFile.map((entity) => [entity.name, entity] as const))(
    "%s: record → row → record is the same record",
    (_, entity) => {
      const record = entity.toCsv(storedRow(entity) as never);
      const row = {
        ...(entity.fromCsv("00000000-0000-0000-0000-000000000001", record) as object),
        dateLastModified: new Date(String(record.values.dateLastModified)),
      };
      expect(entity.toCsv(row as never)).toEqual(record);
    },
  );

  it.each(onWire.map((entity) => [entity.name, entity] as const))(
    "%s: row → REST JSON (valid against the wire schema) → row is the same row",
    (_, entity) => {
      const row = storedRow(entity);
      const links = {
        ref: (type: string, sourcedId: string) => ({
          href: `https://roster.example.org/${type}/${sourcedId}`,
          sourcedId,
          type,
        }),
      };
      // Nested fields come from other rows; their own entities are converted on their own.
      const wire = entity.toWire(row as never, links, () => undefined);
      const nested = entity.fields.filter((f) => f.kind === "nested").map((f) => [f.name, true]);
      const schema = entity.wireSchema?.omit(Object.fromEntries(nested) as never);
      expect(schema?.safeParse(wire).error?.issues ?? []).toEqual([]);
      const back = entity.fromWire(wire) as Record<string, unknown>;
      expect(columnsOf(entity, back, "wire")).toEqual(columnsOf(entity, row, "wire"));
    },
  );
});
