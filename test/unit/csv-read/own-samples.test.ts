import { join } from "node:path";
import { afterAll, describe } from "vitest";
import { FIXTURES, fixtureItems, temporaryFolder, writeZip } from "./package-helpers.ts";
import {
  deltaPackageChecks,
  dirtyBulkPackageChecks,
  legacyPackageChecks,
} from "./sample-packages.ts";

// The project's own packages reproducing, defect for defect, the public samples that
// public-samples.test.ts reads where ../shared/spec is at hand; these run on every clone.
const SAMPLES = join(FIXTURES, "samples");
const scratch = await temporaryFolder();
afterAll(() => scratch.remove());

/** The fixture folder's files as one zip, as a school would upload them. */
const zipOf = (folder: string) => async () =>
  writeZip(join(scratch.path, `${folder.split("/").at(-1)}.zip`), await fixtureItems(folder));

describe("our dirty 1.2 package (every defect of the Moodle dirty sample)", async () => {
  const folder = join(SAMPLES, "dirty-1.2");
  await dirtyBulkPackageChecks({ folder, zip: zipOf(folder), password: "Lakeview-Pass9" });
});

describe("our 1.2 delta package (the Moodle delta sample's shape)", async () => {
  const folder = join(SAMPLES, "delta-1.2");
  await deltaPackageChecks({
    folder,
    zip: zipOf(folder),
    ignoredEntries: [],
    user: {
      sourcedId: "STUDENT_1",
      values: { dateLastModified: "2024-02-05T00:00:00.000Z", givenName: "Ada" },
    },
  });
});

describe("our 1.1 bulk package (the Ed-Fi LMS Toolkit sample's quirks)", async () => {
  await legacyPackageChecks({
    folder: join(SAMPLES, "legacy-1.1"),
    teacherRole: { sourcedId: "300201-880101001-role", orgSourcedId: "880101001" },
    student: { sourcedId: "700101", localId: "101" },
    class: {
      sourcedId: "88010100101BIO1",
      termSourcedIds: ["880101001_2024_FALL", "880101001_2024_SPRING"],
    },
  });
});
