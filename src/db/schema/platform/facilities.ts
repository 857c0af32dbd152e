import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, text } from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { orgs } from "../organizations.ts";
import { implies, money, oneOf, periodCheck } from "./columns.ts";

export const FACILITY_TYPES = [
  "campus",
  "storefront",
  "office",
  "church",
  "community_center",
  "home",
  "other",
] as const;
export const INSPECTION_TYPES = [
  "fire",
  "health",
  "building",
  "safety",
  "licensing",
  "other",
] as const;
export const INSPECTION_RESULTS = [
  "scheduled",
  "passed",
  "passed_with_conditions",
  "failed",
] as const;

/** A property a school can meet in. Overlapping leases, capacities and uses are refused by
 * exclusion constraints in the `platform_rules` migration (Drizzle cannot declare them). */
export const facilities = pgTable(
  "facilities",
  {
    ...entityColumns(),
    name: text().notNull(),
    facilityType: text({ enum: FACILITY_TYPES }).notNull(),
    addressLine1: text().notNull(),
    addressLine2: text(),
    city: text().notNull(),
    stateAbbreviation: text().notNull(),
    postalCode: text().notNull(),
    country: text().notNull().default("US"),
    squareFeet: integer(),
  },
  (t) => [
    ...entityConstraints("facilities", t),
    oneOf("facilities_facility_type_check", t.facilityType, FACILITY_TYPES),
    check("facilities_square_feet_check", sql`${t.squareFeet} is null or ${t.squareFeet} > 0`),
  ],
);

/** The lease a facility is held under; one facility has at most one lease at a time. */
export const facilityLeases = pgTable(
  "facility_leases",
  {
    ...entityColumns(),
    facilitySourcedId: text().notNull(),
    landlord: text().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    monthlyRent: money().notNull(),
    deposit: money(),
  },
  (t) => [
    ...entityConstraints("facility_leases", t),
    ...refersTo("facility_leases_facility", t.tenantId, t.facilitySourcedId, facilities),
    periodCheck("facility_leases", t.startDate, t.endDate),
    check(
      "facility_leases_rent_check",
      sql`${t.monthlyRent} >= 0 and (${t.deposit} is null or ${t.deposit} >= 0)`,
    ),
  ],
);

/** How many students and staff a facility may hold, as licensed from a date on. */
export const facilityCapacities = pgTable(
  "facility_capacities",
  {
    ...entityColumns(),
    facilitySourcedId: text().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    maxStudents: integer().notNull(),
    maxStaff: integer(),
    classrooms: integer(),
  },
  (t) => [
    ...entityConstraints("facility_capacities", t),
    ...refersTo("facility_capacities_facility", t.tenantId, t.facilitySourcedId, facilities),
    periodCheck("facility_capacities", t.startDate, t.endDate),
    check(
      "facility_capacities_counts_check",
      sql`${t.maxStudents} > 0 and (${t.maxStaff} is null or ${t.maxStaff} > 0) and (${t.classrooms} is null or ${t.classrooms} > 0)`,
    ),
  ],
);

/** Fire, health, licensing and other inspections, with when the next one is due. */
export const facilityInspections = pgTable(
  "facility_inspections",
  {
    ...entityColumns(),
    facilitySourcedId: text().notNull(),
    inspectionType: text({ enum: INSPECTION_TYPES }).notNull(),
    inspectedOn: date({ mode: "string" }).notNull(),
    result: text({ enum: INSPECTION_RESULTS }).notNull(),
    inspector: text(),
    findings: text(),
    nextDueOn: date({ mode: "string" }),
  },
  (t) => [
    ...entityConstraints("facility_inspections", t),
    ...refersTo("facility_inspections_facility", t.tenantId, t.facilitySourcedId, facilities),
    oneOf("facility_inspections_type_check", t.inspectionType, INSPECTION_TYPES),
    oneOf("facility_inspections_result_check", t.result, INSPECTION_RESULTS),
    check(
      "facility_inspections_next_due_check",
      sql`${t.nextDueOn} is null or ${t.nextDueOn} > ${t.inspectedOn}`,
    ),
    implies(
      "facility_inspections_findings_check",
      sql`${t.result} in ('failed','passed_with_conditions')`,
      sql`${t.findings} is not null`,
    ),
  ],
);

/** Which school meets in which facility, when; a school has one primary facility at a time. */
export const schoolFacilities = pgTable(
  "school_facilities",
  {
    ...entityColumns(),
    schoolSourcedId: text().notNull(),
    facilitySourcedId: text().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    isPrimary: boolean().notNull().default(true),
  },
  (t) => [
    ...entityConstraints("school_facilities", t),
    ...refersTo("school_facilities_school", t.tenantId, t.schoolSourcedId, orgs),
    ...refersTo("school_facilities_facility", t.tenantId, t.facilitySourcedId, facilities),
    periodCheck("school_facilities", t.startDate, t.endDate),
  ],
);
