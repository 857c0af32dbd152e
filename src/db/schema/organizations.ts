import { sql } from "drizzle-orm";
import { bigint, check, pgTable, text } from "drizzle-orm/pg-core";
import { ORG_TYPES } from "../../kernel/vocabulary.ts";
import { entityColumns, entityConstraints, extensibleEnum, refersTo } from "./columns.ts";

/** The platform's levels; OneRoster's own `type` sits beside it. */
export const ORG_LEVELS = ["network", "region", "district", "school", "microschool"] as const;

export const orgs = pgTable(
  "orgs",
  {
    ...entityColumns(),
    name: text().notNull(),
    type: text().notNull(),
    level: text({ enum: ORG_LEVELS }),
    identifier: text(),
    parentSourcedId: text(),
    ncesId: text(),
    stateOrganizationId: text(),
    edfiId: bigint({ mode: "number" }),
    addressLine1: text(),
    addressLine2: text(),
    city: text(),
    stateAbbreviation: text(),
    postalCode: text(),
    country: text(),
  },
  (t) => [
    ...entityConstraints("orgs", t),
    ...refersTo("orgs_parent", t.tenantId, t.parentSourcedId, t),
    extensibleEnum("orgs_type_check", t.type, ORG_TYPES),
    check(
      "orgs_level_check",
      sql`${t.level} is null or ${t.level} in ('network','region','district','school','microschool')`,
    ),
  ],
);
