import { z } from "@hono/zod-openapi";

/**
 * The imsx_StatusInfo error payload. The three official files differ only in the code-minor
 * vocabulary, so each service gets its own schema under the same official component names;
 * serve each service's OpenAPI document from its own registry so the names never meet.
 */

import { ONEROSTER_SERVICES, type ServiceName } from "../../kernel/vocabulary.ts";

export const SERVICES = ONEROSTER_SERVICES;
export type { ServiceName };

export const CODE_MAJORS = ["success", "processing", "failure", "unsupported"] as const;
export const SEVERITIES = ["status", "warning", "error"] as const;

const ROSTERING_CODE_MINORS = [
  "fullsuccess",
  "invalid_filter_field",
  "invalid_selection_field",
  "invaliddata",
  "unauthorisedrequest",
  "forbidden",
  "server_busy",
  "unknownobject",
  "internal_server_error",
] as const;

/** 1.2 spellings (`unknownobject`, `invaliddata`, `unauthorisedrequest`), per service. */
export const CODE_MINORS = {
  rostering: ROSTERING_CODE_MINORS,
  gradebook: [...ROSTERING_CODE_MINORS, "deletefailure"],
  resources: [...ROSTERING_CODE_MINORS, "invalid_sort_field", "unsupported"],
} as const satisfies Record<ServiceName, readonly string[]>;

export type CodeMajor = (typeof CODE_MAJORS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type CodeMinor<S extends ServiceName = ServiceName> = (typeof CODE_MINORS)[S][number];

function statusInfo<const V extends readonly [string, ...string[]]>(codeMinors: V) {
  const field = z
    .strictObject({
      // Required although it has a default: the official schema lists it in `required`.
      imsx_codeMinorFieldName: z.string().openapi({ default: "TargetEndSystem" }),
      imsx_codeMinorFieldValue: z.enum(codeMinors),
    })
    .openapi("imsx_CodeMinorFieldDType");
  const codeMinor = z
    .strictObject({ imsx_codeMinorField: z.array(field).min(1) })
    .openapi("imsx_CodeMinorDType");
  return z
    .strictObject({
      imsx_codeMajor: z.enum(CODE_MAJORS),
      imsx_severity: z.enum(SEVERITIES),
      imsx_description: z.string().optional(),
      imsx_CodeMinor: codeMinor.optional(),
    })
    .openapi("imsx_StatusInfoDType");
}

export const STATUS_INFO = {
  rostering: statusInfo(CODE_MINORS.rostering),
  gradebook: statusInfo(CODE_MINORS.gradebook),
  resources: statusInfo(CODE_MINORS.resources),
};

export type StatusInfo<S extends ServiceName = ServiceName> = z.infer<(typeof STATUS_INFO)[S]>;
