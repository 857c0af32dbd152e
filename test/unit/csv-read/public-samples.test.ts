import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import {
  deltaPackageChecks,
  dirtyBulkPackageChecks,
  legacyPackageChecks,
} from "./sample-packages.ts";

// The public samples are other people's (one GPL-licensed) and stay outside the project; the
// project's own packages with the same defects run always (own-samples.test.ts).
const SAMPLES = new URL("../../../../shared/spec/oneroster-samples/", import.meta.url).pathname;
const missing = !existsSync(SAMPLES);
if (missing) {
  console.warn(
    `Public OneRoster samples skipped: ${SAMPLES} is absent (it lives beside the project, in ../shared/spec).`,
  );
}

describe.skipIf(missing)(
  "the deliberately dirty Moodle 1.2 sample (every defect SOURCES.md lists)",
  async () => {
    const folder = join(SAMPLES, "moodle-enrol-oneroster-1.2-dirty");
    await dirtyBulkPackageChecks({
      folder,
      zip: async () => join(folder, "v1p2_full_dataset.zip"),
      password: "Password1-",
    });
  },
);

describe.skipIf(missing)("the Moodle 1.2 delta sample", async () => {
  const folder = join(SAMPLES, "moodle-enrol-oneroster-1.2-delta");
  await deltaPackageChecks({
    folder,
    zip: async () => join(folder, "oneroster_test_data.zip"),
    ignoredEntries: ["oneroster_test_data.zip"],
    user: {
      sourcedId: "USER_0",
      values: { dateLastModified: "2023-10-02T00:00:00.000Z", givenName: "Bruce" },
    },
  });
});

describe.skipIf(missing)("the Ed-Fi LMS Toolkit 1.1 sample", async () => {
  await legacyPackageChecks({
    folder: join(SAMPLES, "edfi-lms-toolkit-oneroster-1.1"),
    teacherRole: { sourcedId: "207270-255901001-role", orgSourcedId: "255901001" },
    student: { sourcedId: "604863", localId: "863" },
    class: {
      sourcedId: "25590100101Trad120ENG112011",
      termSourcedIds: ["255901001_2021_2020-2021_Fall", "255901001_2021_2020-2021_Spring"],
    },
  });
});
