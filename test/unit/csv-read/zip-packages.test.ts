import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_NAMES } from "../../../src/csv/catalogue.ts";
import {
  FIXTURES,
  fixtureItems,
  readAll,
  temporaryFolder,
  writeZip,
  type ZipItem,
} from "./package-helpers.ts";

const MANIFEST = [
  "propertyName,value",
  "manifest.version,1.0",
  "oneroster.version,1.2",
  ...FILE_NAMES.map(
    (file) => `file.${file},${file === "orgs" || file === "users" ? "bulk" : "absent"}`,
  ),
].join("\n");
const ORGS =
  "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\norg-1,,,North,district,,\n";
const USERS_HEADER =
  "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns\n";
const userRow = (n: number) => `user-${n},,,true,user${n},,Given,Family,,,,,,,,,,,,,org-1,\n`;
const GiB = 1024 ** 3;

/** A stream of zeros, generated chunk by chunk so the test never holds the data. */
function zeros(total: number): Readable {
  const chunk = Buffer.alloc(1024 ** 2);
  let sent = 0;
  return new Readable({
    read() {
      sent += chunk.length;
      this.push(sent <= total ? chunk : null);
    },
  });
}

/** Rewrites bytes of a zip in place: how a forged archive is made, since yazl only writes honest ones. */
async function forge(path: string, edit: (zip: Buffer) => void): Promise<void> {
  const zip = await readFile(path);
  edit(zip);
  await writeFile(path, zip);
}

/** Offset of the central directory record of an entry (its name sits 46 bytes in). */
function centralRecord(zip: Buffer, name: string): number {
  const nameBytes = Buffer.from(name);
  for (let at = zip.indexOf(nameBytes); at >= 0; at = zip.indexOf(nameBytes, at + 1)) {
    if (at >= 46 && zip.readUInt32LE(at - 46) === 0x02014b50) return at - 46;
  }
  throw new Error(`no central directory record for ${name}`);
}

const base: ZipItem[] = [
  { name: "manifest.csv", data: MANIFEST },
  { name: "orgs.csv", data: ORGS },
  { name: "users.csv", data: USERS_HEADER + userRow(1) },
];

describe("zip packages", () => {
  let dir: Awaited<ReturnType<typeof temporaryFolder>>;
  beforeAll(async () => {
    dir = await temporaryFolder();
  });
  afterAll(() => dir.remove());
  const zip = (name: string, items: readonly ZipItem[]) => writeZip(join(dir.path, name), items);
  const found = (result: Awaited<ReturnType<typeof readAll>>) =>
    result.report.problems.map((p) => `${p.severity} ${p.rule} ${p.file}`);

  it("read exactly like the same files in a folder", async () => {
    const folder = join(FIXTURES, "valid-bulk-1.2");
    const fromFolder = await readAll(folder);
    const fromZip = await readAll(await zip("bulk.zip", await fixtureItems(folder)));
    expect(fromZip.report.status).toBe("accepted");
    expect(fromZip.rows).toEqual(fromFolder.rows);
    expect(fromZip.report.files).toEqual(fromFolder.report.files);
  });

  it("refuse a zip bomb from its central directory, without inflating it", async () => {
    const bomb = await zip("bomb.zip", [
      { name: "manifest.csv", data: MANIFEST },
      { name: "orgs.csv", data: ORGS },
      { name: "users.csv", stream: zeros(GiB) },
    ]);
    const result = await readAll(bomb);
    expect(found(result)).toContain("error zip.compression_ratio users.csv");
    expect(found(result)).toContain("error package.missing_file users.csv");
    // Only the manifest and orgs.csv were inflated: not one byte of the gigabyte.
    expect(result.bytesRead).toBe(MANIFEST.length + ORGS.length);
  });

  it("stop inflating an entry that outgrows the size its zip declares", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => userRow(i)).join("");
    const path = await zip("lying.zip", [
      ...base.slice(0, 2),
      { name: "users.csv", data: USERS_HEADER + rows },
    ]);
    await forge(path, (bytes) =>
      bytes.writeUInt32LE(2_000, centralRecord(bytes, "users.csv") + 24),
    );
    const result = await readAll(path);
    const [lie] = result.report.problems.filter((p) => p.rule === "zip.size_mismatch");
    expect(lie).toMatchObject({ severity: "error", file: "users.csv" });
    expect(lie?.message).toContain("2000 bytes");
    // Reading stopped within one inflate chunk of the declared size, not after the whole 3 MB.
    expect(result.bytesRead).toBeLessThan(MANIFEST.length + ORGS.length + 2_000 + 128 * 1024);
    expect(result.report.status).toBe("rejected");
  });

  it("refuse files inside a folder, and paths that climb out of the package", async () => {
    const path = await zip("nested.zip", [
      ...base,
      { name: "district/users.csv", data: "x" },
      { name: "zz/x.csv", data: "x" },
    ]);
    await forge(path, (bytes) => {
      for (let at = bytes.indexOf("zz/x.csv"); at >= 0; at = bytes.indexOf("zz/x.csv", at + 1)) {
        bytes.write("../x.csv", at);
      }
    });
    const result = await readAll(path);
    const nested = result.report.problems.filter((p) => p.rule === "zip.nested_path");
    expect(nested.map((p) => [p.file, p.message.includes("outside")])).toEqual([
      ["district/users.csv", false],
      ["../x.csv", true],
    ]);
    expect(nested[0]?.fix).toMatch(/not their folder/);
  });

  it("refuse an entry that appears twice", async () => {
    const result = await readAll(
      await zip("twice.zip", [...base, { name: "orgs.csv", data: ORGS }]),
    );
    expect(found(result)).toEqual(["error zip.duplicate_entry orgs.csv"]);
  });

  it("refuse folder entries", async () => {
    const result = await readAll(
      await zip("folder.zip", [...base, { name: "extra/", directory: true }]),
    );
    expect(found(result)).toEqual(["error zip.directory_entry extra/"]);
  });

  it("refuse an entry larger than the limit before inflating it", async () => {
    const big = USERS_HEADER + Array.from({ length: 200 }, (_, i) => userRow(i)).join("");
    const result = await readAll(
      await zip("big.zip", [...base.slice(0, 2), { name: "users.csv", data: big }]),
      {
        limits: { maxEntryBytes: 10_000 },
      },
    );
    expect(found(result)).toEqual([
      "error zip.entry_too_large users.csv",
      "error package.missing_file users.csv",
    ]);
    expect(result.bytesRead).toBe(MANIFEST.length + ORGS.length);
  });

  it("refuse a package whose files add up to more than the limit", async () => {
    const result = await readAll(await zip("total.zip", base), {
      limits: { maxInflatedBytes: 300 },
    });
    expect(found(result)).toContain("error zip.total_too_large total.zip");
    expect(result.bytesRead).toBe(0);
  });

  it("refuse a zip with more entries than allowed without listing them", async () => {
    const result = await readAll(await zip("many.zip", base), { limits: { maxEntries: 2 } });
    expect(found(result)).toEqual(["error zip.too_many_entries many.zip"]);
  });

  it("refuse password-protected entries", async () => {
    const path = await zip("locked.zip", base);
    await forge(path, (bytes) => {
      const at = centralRecord(bytes, "users.csv") + 8;
      bytes.writeUInt16LE(bytes.readUInt16LE(at) | 1, at);
    });
    const result = await readAll(path);
    expect(found(result)).toEqual([
      "error zip.encrypted_entry users.csv",
      "error package.missing_file users.csv",
    ]);
  });

  it("ignore what macOS Finder and Windows add, with a note", async () => {
    const result = await readAll(
      await zip("mac.zip", [
        ...base,
        { name: "__MACOSX/._users.csv", data: "x" },
        { name: ".DS_Store", data: "x" },
      ]),
    );
    expect(result.report.status).toBe("accepted");
    expect(found(result)).toEqual([
      "warning package.ignored_entry __MACOSX/._users.csv",
      "warning package.ignored_entry .DS_Store",
    ]);
  });

  it("report a file that is not a zip at all", async () => {
    const path = join(dir.path, "notes.zip");
    await writeFile(path, "these are not the files you are looking for");
    const result = await readAll(path);
    expect(found(result)).toEqual(["error zip.unreadable notes.zip"]);
  });

  it("report a path that does not exist", async () => {
    const result = await readAll(join(dir.path, "missing.zip"));
    expect(found(result)).toEqual(["error package.unreadable missing.zip"]);
  });
});
