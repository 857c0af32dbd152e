import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_NAMES } from "../../../src/csv/catalogue.ts";
import { openOneRosterPackage, readPackage } from "../../../src/csv/read-package.ts";
import { temporaryFolder } from "./package-helpers.ts";

const ROWS = 200_000;
const MiB = 1024 ** 2;

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** users.csv rows as a stream; every tenth says TRUE, so warnings pile up too. */
function usersCsv(): Readable {
  const header =
    "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns\n";
  let n = 0;
  return Readable.from(
    (function* () {
      yield header;
      for (; n < ROWS; n += 1) {
        const enabled = n % 10 === 0 ? "TRUE" : "true";
        yield `user-${n},,,${enabled},student${n},{SIS:${n}},Given${n},Family${n},,ID-${n},student${n}@district.example,,,,"09,10",,MUI-${n},,,,org-1,\n`;
      }
    })(),
  );
}

describe("a district-sized users.csv of 200,000 rows", () => {
  let dir: Awaited<ReturnType<typeof temporaryFolder>>;
  beforeAll(async () => {
    dir = await temporaryFolder();
    const folder = join(dir.path, "district");
    await mkdir(folder);
    const manifest = ["propertyName,value", "manifest.version,1.0", "oneroster.version,1.2"];
    for (const file of FILE_NAMES)
      manifest.push(`file.${file},${file === "users" ? "bulk" : "absent"}`);
    await writeFile(join(folder, "manifest.csv"), `${manifest.join("\n")}\n`);
    await pipeline(usersCsv(), createWriteStream(join(folder, "users.csv")));
  });
  afterAll(() => dir.remove());

  it("is read row by row: the heap stays small and the report keeps 100 of its 20,000 warnings", async () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    const pkg = await openOneRosterPackage(join(dir.path, "district"));
    for await (const row of readPackage(pkg)) {
      count += row.record.file === "users" ? 1 : 0;
    }
    await pkg.close();
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - before;

    expect(count).toBe(ROWS);
    expect(pkg.report.files["users.csv"]).toMatchObject({ read: ROWS, rejected: 0 });
    expect(pkg.report.counts["users.csv"]?.["cell.boolean_case"]?.count).toBe(ROWS / 10);
    expect(pkg.report.problems).toHaveLength(100);
    // Holding the rows would take hundreds of megabytes; streaming keeps well under one megabyte.
    expect(retained).toBeLessThan(64 * MiB);
  });
});
