import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESCRIPTOR_NAMES, descriptorEndpoint, EDFI_RESOURCES } from "../../src/edfi/index.ts";
import { type Gateway, startGateway } from "../oneroster/support/gateway.ts";
import { validateEdfi } from "./support/ds51.ts";
import { type Doc, EDFI_READ, readAll } from "./support/edfi-client.ts";
import { addSectionAttendance } from "./support/section-attendance.ts";

let gateway: Gateway;
const served = new Map<string, Doc[]>();
const descriptorUris = new Set<string>();

beforeAll(async () => {
  gateway = await startGateway({ students: 30 });
  await addSectionAttendance(gateway);
  const token = await gateway.token({ scopes: EDFI_READ });
  for (const resource of EDFI_RESOURCES) {
    served.set(resource.endpoint, await readAll(gateway, token, resource.endpoint));
  }
  for (const name of DESCRIPTOR_NAMES) {
    const response = await gateway.app.request(
      `/ed-fi/data/v3/ed-fi/${descriptorEndpoint(name)}?limit=500`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    for (const value of (await response.json()) as { namespace: string; codeValue: string }[]) {
      descriptorUris.add(`${value.namespace}#${value.codeValue}`);
    }
  }
}, 180_000);
afterAll(() => gateway?.close());

/** Leaf fields of a document, references flattened one level (`schoolReference.schoolId` → `schoolId`). */
function flat(document: Doc): Record<string, unknown> {
  const leaves: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (key.endsWith("Reference") && value && typeof value === "object")
      Object.assign(leaves, value);
    else leaves[key] = value;
  }
  return leaves;
}

/** Which resources a reference may point into. */
const TARGETS: Record<string, string[]> = {
  studentReference: ["students"],
  staffReference: ["staffs"],
  contactReference: ["contacts"],
  schoolReference: ["schools"],
  localEducationAgencyReference: ["localEducationAgencies"],
  parentLocalEducationAgencyReference: ["localEducationAgencies"],
  educationOrganizationReference: ["localEducationAgencies", "schools"],
  sessionReference: ["sessions"],
  calendarReference: ["calendars"],
  courseReference: ["courses"],
  courseOfferingReference: ["courseOfferings"],
  sectionReference: ["sections"],
  gradingPeriodReference: ["gradingPeriods"],
  studentSectionAssociationReference: ["studentSectionAssociations"],
};

/** An ed-org's id under the name an educationOrganizationReference uses. */
const asEdOrg = (leaves: Record<string, unknown>): Record<string, unknown> => ({
  ...leaves,
  educationOrganizationId: leaves.schoolId ?? leaves.localEducationAgencyId,
});

function resolves(name: string, reference: Record<string, unknown>): boolean {
  const keys = Object.keys(reference).filter((key) => key !== "link");
  return (TARGETS[name] ?? []).some((endpoint) =>
    (served.get(endpoint) ?? []).some((target) => {
      const leaves =
        name === "educationOrganizationReference" ? asEdOrg(flat(target)) : flat(target);
      return keys.every((key) => leaves[key] === reference[key]);
    }),
  );
}

describe("the Ed-Fi API's documents of the demo district", () => {
  it.each(EDFI_RESOURCES.map((resource) => [resource.endpoint, resource.schema] as const))(
    "%s validate against the DS 5.1 schema as served",
    (endpoint, schema) => {
      const documents = served.get(endpoint) ?? [];
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents)
        expect(validateEdfi("resources", schema, document)).toEqual([]);
    },
  );

  it("every reference resolves to a served record (school years to the ODS's preconfigured 1991-2050)", () => {
    let checked = 0;
    for (const [endpoint, documents] of served) {
      for (const document of documents) {
        for (const [key, value] of Object.entries(document)) {
          if (!key.endsWith("Reference")) continue;
          const reference = value as Record<string, unknown>;
          if (key === "schoolYearTypeReference") {
            expect(reference.schoolYear).toBeGreaterThanOrEqual(1991);
            expect(reference.schoolYear).toBeLessThanOrEqual(2050);
          } else {
            expect(TARGETS[key], `${endpoint}.${key}`).toBeDefined();
            expect(
              resolves(key, reference),
              `${endpoint} ${document.id} ${key} ${JSON.stringify(reference)}`,
            ).toBe(true);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("every descriptor value is a URI of a descriptor set the API serves", () => {
    const found: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (Array.isArray(value)) for (const item of value) walk(item, key);
      else if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (key.endsWith("Descriptor")) found.push(String(value));
    };
    for (const documents of served.values()) walk(documents, "");
    expect(found.length).toBeGreaterThan(100);
    for (const uri of found) expect(descriptorUris.has(uri), uri).toBe(true);
  });
});
