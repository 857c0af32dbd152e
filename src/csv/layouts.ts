import type { CsvRecord } from "../entities/csv-record.ts";
import { LEGACY_USER_ROLES } from "../kernel/vocabulary.ts";
import { type ColumnSpec, FILE_BY_NAME, type FileName } from "./catalogue.ts";
import type { CellNote } from "./primitives.ts";

/** The OneRoster version a package declares: 1.2 and 1.2.1 share one model. */
export type CsvVersion = "1.1" | "1.2";

/** Records made from one parsed row, with anything worth telling about how. */
export interface Derived {
  records: CsvRecord[];
  notes: Array<CellNote & { column: string }>;
}

/**
 * One accepted header layout of a file and how its rows become 1.2.1 records. Layouts other than
 * 1.2.1 carry columns the 1.2.1 model spreads over other files; `derive` moves them there.
 */
export interface Layout {
  file: FileName;
  /** Shown in messages, e.g. "OneRoster 1.1". */
  label: string;
  /** The header this layout expects, in order. */
  columns: readonly ColumnSpec[];
  /** 1.2.1 name of a column this layout names differently. */
  renames?: Readonly<Record<string, string>>;
  derive?: (record: CsvRecord) => Derived;
}

function columnsOf(file: FileName): readonly ColumnSpec[] {
  const spec = FILE_BY_NAME.get(file);
  if (spec === undefined) throw new Error(`unknown OneRoster file ${file}`);
  return spec.columns;
}

/** The 1.2.1 columns named, in the order given, with `extra` columns spliced in by name. */
function reshape(file: FileName, names: readonly string[], extra: readonly ColumnSpec[] = []) {
  const known = new Map([...columnsOf(file), ...extra].map((column) => [column.name, column]));
  return names.map((name) => {
    const column = known.get(name);
    if (column === undefined) throw new Error(`no column ${name} for ${file}`);
    return column;
  });
}

const names = (file: FileName) => columnsOf(file).map((column) => column.name);
const lifecycleOf = ({ values: { status, dateLastModified } }: CsvRecord) =>
  dateLastModified === undefined ? { status } : { status, dateLastModified };

/**
 * 1.1 `users.csv` carries the user's orgs and single role; 1.2 keeps them in `roles.csv`. Each
 * org becomes a primary role `<user>-<org>-role` (one role per user and org, so primary is the
 * only possible type), and the org becomes the primary org when it is the only one.
 */
function rolesFromLegacyUser(record: CsvRecord): Derived {
  const { orgSourcedIds, role, ...values } = record.values;
  const user = String(values.sourcedId);
  const orgs = (orgSourcedIds ?? []) as readonly string[];
  const notes: Derived["notes"] = [];
  let mapped = String(role);
  if (mapped === "administrator") {
    mapped = "siteAdministrator";
    notes.push({
      column: "role",
      rule: "legacy.administrator_role",
      message:
        "OneRoster 1.1 administrator was read as siteAdministrator, since 1.2 splits administrators by level.",
    });
  }
  const [onlyOrg, ...otherOrgs] = orgs;
  const primaryOrg = otherOrgs.length === 0 ? onlyOrg : undefined;
  const user12: CsvRecord = {
    ...record,
    values: { ...values, ...(primaryOrg === undefined ? {} : { primaryOrgSourcedId: primaryOrg }) },
  };
  const roles = orgs.map(
    (org): CsvRecord => ({
      file: "roles",
      values: {
        sourcedId: `${user}-${org}-role`,
        ...lifecycleOf(record),
        userSourcedId: user,
        roleType: "primary",
        role: mapped,
        orgSourcedId: org,
      },
      metadata: {},
    }),
  );
  return { records: [user12, ...roles], notes };
}

/**
 * The first 1.2 `users.csv` listed the user's resources; 1.2.1 moved them to `userResources.csv`.
 * Each becomes a userResources record `<user>-<resource>-userResource`.
 */
function resourcesFromOriginalUser(record: CsvRecord): Derived {
  const { resourceSourcedIds, ...values } = record.values;
  const user = String(values.sourcedId);
  const links = ((resourceSourcedIds ?? []) as readonly string[]).map(
    (resource): CsvRecord => ({
      file: "userResources",
      values: {
        sourcedId: `${user}-${resource}-userResource`,
        ...lifecycleOf(record),
        userSourcedId: user,
        resourceSourcedId: resource,
      },
      metadata: {},
    }),
  );
  return { records: [{ ...record, values }, ...links], notes: [] };
}

const USERS_1_2_ORIGINAL: Layout = {
  file: "users",
  label: "OneRoster 1.2 (before 1.2.1)",
  columns: reshape(
    "users",
    names("users").flatMap((name) =>
      name === "userMasterIdentifier" ? [name, "resourceSourcedIds"] : [name],
    ),
    [{ name: "resourceSourcedIds", required: false, format: { kind: "guidList" } }],
  ),
  derive: resourcesFromOriginalUser,
};

const LEGACY_LAYOUTS: Partial<Record<FileName, Layout>> = {
  users: {
    file: "users",
    label: "OneRoster 1.1",
    columns: reshape(
      "users",
      [
        ...["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role"],
        ...["username", "userIds", "givenName", "familyName", "middleName", "identifier"],
        ...["email", "sms", "phone", "agentSourcedIds", "grades", "password"],
      ],
      [
        { name: "orgSourcedIds", required: true, format: { kind: "guidList" } },
        {
          name: "role",
          required: true,
          format: { kind: "enum", values: LEGACY_USER_ROLES, extensible: false },
        },
      ],
    ),
    derive: rolesFromLegacyUser,
  },
  categories: {
    file: "categories",
    label: "OneRoster 1.1",
    columns: reshape("categories", ["sourcedId", "status", "dateLastModified", "title"]),
  },
  lineItems: {
    file: "lineItems",
    label: "OneRoster 1.1",
    columns: reshape(
      "lineItems",
      [
        ...["sourcedId", "status", "dateLastModified", "title", "description", "assignDate"],
        ...["dueDate", "classSourcedId", "categorySourcedId", "gradingPeriodSourcedId"],
        ...["resultValueMin", "resultValueMax"],
      ],
      [{ name: "gradingPeriodSourcedId", required: true, format: { kind: "guid" } }],
    ),
    renames: { gradingPeriodSourcedId: "academicSessionSourcedId" },
  },
  results: {
    file: "results",
    label: "OneRoster 1.1",
    columns: reshape("results", [
      ...["sourcedId", "status", "dateLastModified", "lineItemSourcedId", "studentSourcedId"],
      ...["scoreStatus", "score", "scoreDate", "comment"],
    ]),
  },
};

/** The 13 files of a 1.1 package; the other eight are new in 1.2. */
export const LEGACY_FILES: readonly FileName[] = [
  "academicSessions",
  "orgs",
  "courses",
  "classes",
  "users",
  "enrollments",
  "demographics",
  "resources",
  "classResources",
  "courseResources",
  "categories",
  "lineItems",
  "results",
];

/**
 * The header layouts a file may have in a package of the given version, preferred first; the
 * header decides between them.
 *
 * @example
 * layoutsFor("users", "1.2").map((layout) => layout.label);
 * // ["OneRoster 1.2.1", "OneRoster 1.2 (before 1.2.1)"]
 */
export function layoutsFor(file: FileName, version: CsvVersion): Layout[] {
  const current: Layout = { file, label: "OneRoster 1.2.1", columns: columnsOf(file) };
  if (version === "1.1") return [LEGACY_LAYOUTS[file] ?? { ...current, label: "OneRoster 1.1" }];
  return file === "users" ? [current, USERS_1_2_ORIGINAL] : [current];
}
