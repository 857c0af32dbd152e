import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FILE_BY_NAME, FILE_NAMES } from "../../../src/csv/catalogue.ts";
import { CsvWriteError } from "../../../src/csv/write-error.ts";
import { createPackageWriter, type PackageWriter } from "../../../src/csv/write-package.ts";
import type { CsvRecord } from "../../../src/entities/csv-record.ts";
import { memoryOutput, parseManifest, parseRows, readZipBuffer } from "./zip-entries.ts";

const org = (
  sourcedId: string,
  values: CsvRecord["values"] = {},
  metadata: Record<string, string> = {},
): CsvRecord => ({
  file: "orgs",
  values: { sourcedId, name: `Org ${sourcedId}`, type: "school", ...values },
  metadata,
});

async function writePackage(build: (pkg: PackageWriter) => Promise<void>): Promise<Buffer> {
  const output = memoryOutput();
  const pkg = createPackageWriter(output.stream, { systemName: "TSA Coach" });
  await build(pkg);
  await pkg.finish();
  return output.bytes();
}

async function* slowly<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

describe("createPackageWriter", () => {
  it("declares all 21 files in the manifest, absent for those never written or empty", async () => {
    const zip = await writePackage(async (pkg) => {
      await pkg.addFile("orgs", "bulk", [org("org-1")]);
      await pkg.addFile("users", "delta", []);
    });
    const manifest = parseManifest((await readZipBuffer(zip)).get("manifest.csv") ?? "");

    expect(manifest.get("manifest.version")).toBe("1.0");
    expect(manifest.get("oneroster.version")).toBe("1.2");
    expect(manifest.get("source.systemName")).toBe("TSA Coach");
    for (const file of FILE_NAMES) {
      expect(manifest.get(`file.${file}`)).toBe(file === "orgs" ? "bulk" : "absent");
    }
  });

  it("leaves a file with no rows out of the zip, and puts every entry at the root", async () => {
    const zip = await writePackage(async (pkg) => {
      await pkg.addFile("academicSessions", "bulk", slowly([]));
      await pkg.addFile("orgs", "bulk", slowly([org("org-1")]));
    });
    expect([...(await readZipBuffer(zip)).keys()]).toEqual(["orgs.csv", "manifest.csv"]);
  });

  it("writes every spec column in order, then the metadata columns", async () => {
    const zip = await writePackage(async (pkg) => {
      await pkg.addFile(
        "orgs",
        "bulk",
        [org("org-1", {}, { ncesId: "0600001" })],
        ["ncesId", "region"],
      );
    });
    const csv = (await readZipBuffer(zip)).get("orgs.csv") ?? "";
    const specColumns = FILE_BY_NAME.get("orgs")?.columns.map((column) => column.name) ?? [];

    expect(csv.split("\r\n")[0]).toBe(
      [...specColumns, "metadata.ncesId", "metadata.region"].join(","),
    );
    expect(parseRows(csv)[0]).toMatchObject({
      "metadata.ncesId": "0600001",
      "metadata.region": "",
    });
  });

  it("leaves status and dateLastModified blank in bulk rows", async () => {
    const active = org("org-1", { status: "active", dateLastModified: "2026-01-05T08:00:00.000Z" });
    const zip = await writePackage((pkg) => pkg.addFile("orgs", "bulk", [active]).then(() => {}));
    const [row] = parseRows((await readZipBuffer(zip)).get("orgs.csv") ?? "");

    expect(row).toMatchObject({ sourcedId: "org-1", status: "", dateLastModified: "" });
  });

  it("refuses a tobedeleted record in a bulk file, naming its line", async () => {
    const pkg = createPackageWriter(memoryOutput().stream);
    const rows = [org("org-1"), org("org-2", { status: "tobedeleted" })];

    const refused = pkg.addFile("orgs", "bulk", rows);
    await expect(refused).rejects.toThrow(CsvWriteError);
    await expect(refused).rejects.toThrow(/orgs\.csv line 3, column status/);
    await expect(pkg.finish()).rejects.toThrow(/bulk files hold active records only/);
  });

  it("writes status and a millisecond UTC date-time in delta rows", async () => {
    const zip = await writePackage(async (pkg) => {
      await pkg.addFile("orgs", "delta", [
        org("org-1", { status: "active", dateLastModified: "2026-01-05T08:00:00Z" }),
        org("org-2", { status: "tobedeleted", dateLastModified: "2026-01-06T09:30:00.250Z" }),
      ]);
    });
    const rows = parseRows((await readZipBuffer(zip)).get("orgs.csv") ?? "");

    expect(rows.map((row) => [row.status, row.dateLastModified])).toEqual([
      ["active", "2026-01-05T08:00:00.000Z"],
      ["tobedeleted", "2026-01-06T09:30:00.250Z"],
    ]);
  });

  it("refuses a delta row without its lifecycle cells", async () => {
    const missingDate = createPackageWriter(memoryOutput().stream);
    await expect(
      missingDate.addFile("orgs", "delta", [org("org-1", { status: "active" })]),
    ).rejects.toThrow(/column dateLastModified/);
    const missingStatus = createPackageWriter(memoryOutput().stream);
    await expect(missingStatus.addFile("orgs", "delta", [org("org-1")])).rejects.toThrow(
      /column status/,
    );
  });

  it("writes booleans in lower case and quotes only cells that need it", async () => {
    const user: CsvRecord = {
      file: "users",
      values: {
        sourcedId: "usr-1",
        enabledUser: false,
        username: "jo",
        givenName: 'Jo "JJ"',
        familyName: "Smith, Jr.",
        grades: ["09", "10"],
        userIds: [{ type: "SIS", identifier: "77" }],
      },
      metadata: {},
    };
    const zip = await writePackage((pkg) => pkg.addFile("users", "bulk", [user]).then(() => {}));
    const line = ((await readZipBuffer(zip)).get("users.csv") ?? "").split("\r\n")[1];

    expect(line).toBe('usr-1,,,false,jo,{SIS:77},"Jo ""JJ""","Smith, Jr.",,,,,,,"09,10",,,,,,,');
  });

  it("separates rows with CRLF and ends without a line break", async () => {
    const orgs = Array.from({ length: 1500 }, (_, i) => org(`org-${i}`));
    const zip = await writePackage((pkg) => pkg.addFile("orgs", "bulk", orgs).then(() => {}));
    const entries = await readZipBuffer(zip);
    const csv = entries.get("orgs.csv") ?? "";
    const manifest = entries.get("manifest.csv") ?? "";

    expect(csv.split("\r\n")).toHaveLength(1501);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(csv.endsWith("org-1499,school,,")).toBe(true);
    expect(manifest.endsWith("\n")).toBe(false);
    expect(manifest.split("\r\n")).toHaveLength(1 + 2 + 21 + 1);
  });

  it("refuses a value with a line break and destroys the partial output", async () => {
    const output = memoryOutput();
    const pkg = createPackageWriter(output.stream);

    await expect(
      pkg.addFile("orgs", "bulk", [org("org-1", { name: "North\nSchool" })]),
    ).rejects.toThrow(/orgs\.csv line 2, column name: line breaks/);
    expect(output.stream.destroyed).toBe(true);
  });

  it("refuses metadata it was not told about and columns the file does not have", async () => {
    const undeclared = createPackageWriter(memoryOutput().stream);
    await expect(
      undeclared.addFile("orgs", "bulk", [org("org-1", {}, { ncesId: "1" })]),
    ).rejects.toThrow(/metadata\.ncesId was not declared/);
    const unknown = createPackageWriter(memoryOutput().stream);
    await expect(
      unknown.addFile("orgs", "bulk", [org("org-1", { nickname: "N" })]),
    ).rejects.toThrow(/"nickname" is not a column of orgs\.csv/);
  });

  it("gives identical bytes for identical input", async () => {
    const build = async (pkg: PackageWriter) => {
      await pkg.addFile("orgs", "bulk", [org("org-1"), org("org-2", { type: "district" })]);
    };
    const first = await writePackage(build);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await writePackage(build);

    expect(second.equals(first)).toBe(true);
  });

  it("waits for a slow output instead of buffering rows in memory", async () => {
    let received = 0;
    const slowOutput = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        setTimeout(done, 0);
      },
    });
    let receivedWhenLastRowRead = 0;
    function* rows() {
      for (let i = 0; i < 50_000; i += 1) {
        receivedWhenLastRowRead = received;
        yield org(`org-${i}`, { name: randomBytes(24).toString("hex") });
      }
    }
    const pkg = createPackageWriter(slowOutput);

    expect(await pkg.addFile("orgs", "bulk", rows())).toBe(50_000);
    await pkg.finish();
    expect(receivedWhenLastRowRead / received).toBeGreaterThan(0.5);
  });
});
