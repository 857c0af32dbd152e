import type { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import {
  ClassDType,
  ENTITY_WIRE,
  GUIDPairSetDType,
  LineItemDType,
  ResultDType,
  type ServiceName,
  STATUS_INFO,
  UserDType,
} from "../../../src/oneroster/wire/index.ts";
import { validateAgainstOfficial } from "../../support/oneroster-official.ts";
import { klass, lineItem, result, user } from "./payloads.ts";

interface Subject {
  service: ServiceName;
  component: string;
  schema: z.ZodType;
  payload: Record<string, unknown>;
  /** Payload changes each of which makes it invalid: [what is wrong, dotted path, new value]. */
  defects: [string, string, unknown][];
}

const SUBJECTS: Record<string, Subject> = {
  user: {
    service: "rostering",
    component: "UserDType",
    schema: UserDType,
    payload: user,
    defects: [
      ["null in an optional field", "email", null],
      ["a JSON boolean for a true/false string", "enabledUser", true],
      ["an extra property (the 1.1 role field)", "role", "teacher"],
      ["a school referenced with type school", "primaryOrg.type", "school"],
      ["no roles", "roles", []],
      ["a role outside the vocabulary without ext:", "roles.0.role", "coach"],
    ],
  },
  class: {
    service: "rostering",
    component: "ClassDType",
    schema: ClassDType,
    payload: klass,
    defects: [
      ["null in an optional field", "classCode", null],
      ["a JSON boolean for a string", "location", true],
      ["an extra property", "termSourcedIds", "term-fall-2024"],
      ["no terms", "terms", []],
      ["a GUIDRef with an extra key", "course.title", "Algebra I"],
    ],
  },
  lineItem: {
    service: "gradebook",
    component: "LineItemDType",
    schema: LineItemDType,
    payload: lineItem,
    defects: [
      ["null in an optional field", "description", null],
      ["a JSON boolean for a string", "title", true],
      ["an extra property", "gradingScheme", "points"],
      ["a number sent as a string", "resultValueMax", "100"],
      ["a learning-objective source without its slash", "learningObjectiveSet.0.source", "state"],
      ["a date where a date-time is required", "assignDate", "2024-09-02"],
    ],
  },
  result: {
    service: "gradebook",
    component: "ResultDType",
    schema: ResultDType,
    payload: result,
    defects: [
      ["null in an optional field", "comment", null],
      ["a JSON boolean for a true/false string", "late", true],
      ["an extra property", "points", 87.5],
      ["a score status outside the vocabulary", "scoreStatus", "graded"],
      ["a date-time where a date is required", "scoreDate", "2024-09-10T00:00:00Z"],
    ],
  },
};

function withChange(payload: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(payload);
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  let target: Record<string, unknown> = copy;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  target[last] = value;
  return copy;
}

const zodErrors = (schema: z.ZodType, payload: unknown) =>
  schema
    .safeParse(payload)
    .error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("payloads agree between the official schemas and ours", () => {
  describe.each(Object.entries(SUBJECTS))(
    "%s",
    (entity, { service, component, schema, payload, defects }) => {
      const wire = ENTITY_WIRE[entity as keyof typeof ENTITY_WIRE];
      const single = { [wire.singleKey]: payload };
      const set = { [wire.setKey]: [payload] };

      it("a valid record is accepted by the official schema and by ours, alone and in both envelopes", () => {
        expect(validateAgainstOfficial(service, component, payload)).toEqual([]);
        expect(zodErrors(schema, payload)).toEqual([]);
        expect(validateAgainstOfficial(service, `Single${component}`, single)).toEqual([]);
        expect(zodErrors(wire.single, single)).toEqual([]);
        expect(
          validateAgainstOfficial(service, component.replace(/DType$/, "SetDType"), set),
        ).toEqual([]);
        expect(zodErrors(wire.set, set)).toEqual([]);
      });

      it("parsing keeps the record as it was, keys and values", () => {
        expect(schema.parse(payload)).toEqual(payload);
      });

      it.each(defects)("%s is refused by both", (_defect, path, value) => {
        const broken = withChange(payload, path, value);
        expect(validateAgainstOfficial(service, component, broken)).not.toEqual([]);
        expect(zodErrors(schema, broken)).not.toEqual([]);
      });

      it("the Single envelope refuses the Set key", () => {
        const wrong = { [wire.setKey]: payload };
        expect(validateAgainstOfficial(service, `Single${component}`, wrong)).not.toEqual([]);
        expect(zodErrors(wire.single, wrong)).not.toEqual([]);
      });
    },
  );

  it("a single demographics record travels under the key demographics", () => {
    const record = {
      sourcedId: "usr-42",
      status: "active",
      dateLastModified: "2024-09-01T00:00:00Z",
      sex: "female",
      white: "true",
    };
    const body = { [ENTITY_WIRE.demographics.singleKey]: record };
    expect(body).toHaveProperty("demographics");
    expect(validateAgainstOfficial("rostering", "SingleDemographicsDType", body)).toEqual([]);
    expect(zodErrors(ENTITY_WIRE.demographics.single, body)).toEqual([]);
  });

  it("a POST answer pairs supplied and allocated sourcedIds", () => {
    const body = {
      sourcedIdPairs: [{ suppliedSourcedId: "tmp-1", allocatedSourcedId: "li-900" }],
    };
    expect(validateAgainstOfficial("gradebook", "GUIDPairSetDType", body)).toEqual([]);
    expect(zodErrors(GUIDPairSetDType, body)).toEqual([]);
  });
});

describe("imsx_StatusInfo follows each service's code-minor vocabulary", () => {
  const failure = (codeMinor: string) => ({
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: "Unknown Object: class cls-999",
    imsx_CodeMinor: {
      imsx_codeMinorField: [
        { imsx_codeMinorFieldName: "TargetEndSystem", imsx_codeMinorFieldValue: codeMinor },
      ],
    },
  });
  const cases: [ServiceName, string, boolean][] = [
    ["rostering", "unknownobject", true],
    ["rostering", "deletefailure", false],
    ["gradebook", "deletefailure", true],
    ["resources", "invalid_sort_field", true],
    ["gradebook", "invalid_sort_field", false],
    ["rostering", "unknown_object", false],
    ["resources", "unauthorized", false],
  ];

  it.each(cases)(
    "%s: %s accepted = %s, by the official schema and by ours",
    (service, codeMinor, valid) => {
      const body = failure(codeMinor);
      expect(validateAgainstOfficial(service, "imsx_StatusInfoDType", body).length === 0).toBe(
        valid,
      );
      expect(STATUS_INFO[service].safeParse(body).success).toBe(valid);
    },
  );

  it("the code-minor container is spelled imsx_CodeMinor, with a capital C", () => {
    const { imsx_CodeMinor, ...rest } = failure("forbidden");
    const misspelled = { ...rest, imsx_codeMinor: imsx_CodeMinor };
    expect(validateAgainstOfficial("rostering", "imsx_StatusInfoDType", misspelled)).toEqual([
      "/ must NOT have additional properties (imsx_codeMinor)",
    ]);
    expect(STATUS_INFO.rostering.safeParse(misspelled).success).toBe(false);
  });
});
