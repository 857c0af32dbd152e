import { requireScopes } from "../../auth/index.ts";
import { withTenant } from "../../db/tenant-context.ts";
import type { AppOpenAPI } from "../../kernel/app-env.ts";
import { ApiError } from "../../kernel/errors.ts";
import { EDFI_RESOURCES } from "../catalogue.ts";
import { DESCRIPTOR_NAMES, descriptorEndpoint } from "../descriptors/descriptor-sets.ts";
import { localEducationAgencies, schools } from "../mapping/ed-orgs.ts";
import { readOffsetPage } from "../read-documents.ts";
import { MAX_LIMIT } from "./query.ts";
import { selectionFor } from "./resource.routes.ts";

const READABLE = [
  ...EDFI_RESOURCES.map((r) => r.endpoint),
  ...DESCRIPTOR_NAMES.map(descriptorEndpoint),
].map((endpoint) => ({ resource: `/ed-fi/${endpoint}`, operations: ["Read"] }));

/**
 * `POST /oauth/token_info` (ODS/API): what the bearer token may do. The form's `token` must be
 * the bearer token itself; the education organizations are those the client may see.
 */
export function registerTokenInfo(edfi: AppOpenAPI): void {
  edfi.post("/oauth/token_info", requireScopes([]), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (typeof form.token !== "string" || form.token !== bearer) {
      throw new ApiError(
        "bad_request",
        "Send the access token being asked about as the form field token, and as the bearer token.",
      );
    }
    const auth = c.var.auth;
    const organizations = await withTenant(c.var.deps.db, auth.tenantId, async (tx) => {
      const selection = await selectionFor(tx, c);
      const page = { offset: 0, limit: MAX_LIMIT };
      const leas = await readOffsetPage(tx, localEducationAgencies, selection, page);
      const schoolDocuments = await readOffsetPage(tx, schools, selection, page);
      return [
        ...leas.map((lea) => ({
          education_organization_id: lea.localEducationAgencyId,
          name_of_institution: lea.nameOfInstitution,
          type: "edfi.LocalEducationAgency",
        })),
        ...schoolDocuments.map((school) => ({
          education_organization_id: school.schoolId,
          name_of_institution: school.nameOfInstitution,
          type: "edfi.School",
          local_education_agency_id: school.localEducationAgencyReference
            ? (school.localEducationAgencyReference as { localEducationAgencyId: number })
                .localEducationAgencyId
            : undefined,
        })),
      ];
    });
    return c.json(
      {
        active: true,
        client_id: auth.clientId,
        namespace_prefixes: ["uri://ed-fi.org"],
        education_organizations: organizations,
        assigned_profiles: [],
        claim_set: { name: [...auth.scopes].sort().join(" ") },
        resources: READABLE,
        services: [],
      },
      200,
      { "cache-control": "no-store" },
    );
  });
}
