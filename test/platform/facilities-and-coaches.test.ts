import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import {
  coachAssignments,
  coachCertifications,
  coachProfiles,
  facilities,
  facilityCapacities,
  facilityInspections,
  facilityLeases,
  schoolFacilities,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";
import { createNetwork } from "./support/network.ts";

describe("facilities and coaches: periods that must not overlap", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let tenantId: string;
  const inTenant = <T>(work: (tx: Transaction) => Promise<T>) =>
    withTenant(database.db, tenant.id, work);
  const lease = (sourcedId: string, startDate: string, endDate: string | null) =>
    inTenant((tx) =>
      tx.insert(facilityLeases).values({
        tenantId,
        sourcedId,
        facilitySourcedId: "main-street",
        landlord: "Main Street LLC",
        startDate,
        endDate,
        monthlyRent: 4200,
      }),
    );
  const assign = (
    sourcedId: string,
    schoolSourcedId: string,
    role: "lead" | "assistant",
    startDate: string,
    endDate: string | null,
  ) =>
    inTenant((tx) =>
      tx.insert(coachAssignments).values({
        tenantId,
        sourcedId,
        coachSourcedId: "coach-a-profile",
        schoolSourcedId,
        assignmentRole: role,
        startDate,
        endDate,
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createNetwork(database.db, "estates");
    tenantId = tenant.id;
    await inTenant(async (tx) => {
      await tx.insert(facilities).values(
        ["main-street", "church-hall", "library"].map((sourcedId) => ({
          tenantId,
          sourcedId,
          name: sourcedId,
          facilityType: "storefront" as const,
          addressLine1: "1 Main Street",
          city: "Austin",
          stateAbbreviation: "TX",
          postalCode: "78701",
        })),
      );
      await tx.insert(coachProfiles).values({
        tenantId,
        sourcedId: "coach-a-profile",
        userSourcedId: "coach-a",
        employmentType: "employee",
      });
    });
  });
  afterAll(() => database.close());

  describe("facility leases", () => {
    it("accept back-to-back leases of one facility", async () => {
      await lease("lease-2025", "2025-01-01", "2025-12-31");
      await lease("lease-2026", "2026-01-01", null);
      const leases = await inTenant((tx) =>
        tx
          .select({
            sourcedId: facilityLeases.sourcedId,
            startDate: facilityLeases.startDate,
            endDate: facilityLeases.endDate,
          })
          .from(facilityLeases)
          .where(eq(facilityLeases.facilitySourcedId, "main-street"))
          .orderBy(facilityLeases.startDate),
      );
      expect(leases).toEqual([
        { sourcedId: "lease-2025", startDate: "2025-01-01", endDate: "2025-12-31" },
        { sourcedId: "lease-2026", startDate: "2026-01-01", endDate: null },
      ]);
    });

    it("refuse a lease that overlaps one in force", () =>
      expectRefusal(
        lease("lease-overlap", "2025-06-01", "2026-05-31"),
        "facility_leases_overlap_excl",
      ));

    it("refuse a lease after an open-ended one, until that one is ended or retired", async () => {
      await expectRefusal(lease("lease-2030", "2030-01-01", null), "facility_leases_overlap_excl");
      await inTenant((tx) =>
        tx
          .update(facilityLeases)
          .set({ status: "tobedeleted" })
          .where(eq(facilityLeases.sourcedId, "lease-2026")),
      );
      await lease("lease-2030", "2030-01-01", null);
    });

    it("refuse a lease that ends before it starts", () =>
      expectRefusal(
        lease("lease-backwards", "2040-05-01", "2040-04-01"),
        "facility_leases_period_check",
      ));
  });

  it("refuses a capacity of no students, and two capacities for the same dates", async () => {
    const capacity = (sourcedId: string, maxStudents: number) =>
      inTenant((tx) =>
        tx.insert(facilityCapacities).values({
          tenantId,
          sourcedId,
          facilitySourcedId: "church-hall",
          startDate: "2026-01-01",
          maxStudents,
        }),
      );
    await expectRefusal(capacity("empty", 0), "facility_capacities_counts_check");
    await capacity("licensed", 24);
    await expectRefusal(capacity("relicensed", 30), "facility_capacities_overlap_excl");
  });

  it("refuses a failed inspection that does not say what failed", () =>
    expectRefusal(
      inTenant((tx) =>
        tx.insert(facilityInspections).values({
          tenantId,
          sourcedId: "fire-2026",
          facilitySourcedId: "church-hall",
          inspectionType: "fire",
          inspectedOn: "2026-03-01",
          result: "failed",
        }),
      ),
      "facility_inspections_findings_check",
    ));

  it("lets a school use several facilities but have one primary facility at a time", async () => {
    const use = (sourcedId: string, facilitySourcedId: string, isPrimary: boolean) =>
      inTenant((tx) =>
        tx.insert(schoolFacilities).values({
          tenantId,
          sourcedId,
          schoolSourcedId: "alpha",
          facilitySourcedId,
          startDate: "2026-01-01",
          isPrimary,
        }),
      );
    await use("alpha-main", "main-street", true);
    await use("alpha-gym", "church-hall", false);
    await expectRefusal(
      use("alpha-library", "library", true),
      "school_facilities_primary_overlap_excl",
    );
    await expectRefusal(
      use("alpha-gym-again", "church-hall", false),
      "school_facilities_overlap_excl",
    );
  });

  describe("coaches", () => {
    it("lead one school at a time, and may assist elsewhere meanwhile", async () => {
      await assign("lead-alpha", "alpha", "lead", "2026-08-01", "2027-06-30");
      await assign("assist-beta", "beta", "assistant", "2026-08-01", "2027-06-30");
      await expectRefusal(
        assign("lead-beta", "beta", "lead", "2027-01-01", null),
        "coach_assignments_lead_overlap_excl",
      );
      await assign("lead-beta-next-year", "beta", "lead", "2027-07-01", null);
      const assignments = await inTenant((tx) => tx.select().from(coachAssignments));
      expect(assignments.map((a) => a.sourcedId).sort()).toEqual([
        "assist-beta",
        "lead-alpha",
        "lead-beta-next-year",
      ]);
    });

    it("have one profile per user", () =>
      expectRefusal(
        inTenant((tx) =>
          tx.insert(coachProfiles).values({
            tenantId,
            sourcedId: "coach-a-again",
            userSourcedId: "coach-a",
            employmentType: "contractor",
          }),
        ),
        "coach_profiles_user_key",
      ));

    it("hold certifications that expire after they are issued", () =>
      expectRefusal(
        inTenant((tx) =>
          tx.insert(coachCertifications).values({
            tenantId,
            sourcedId: "cpr",
            coachSourcedId: "coach-a-profile",
            name: "CPR",
            issuer: "Red Cross",
            issuedOn: "2026-02-01",
            expiresOn: "2026-01-01",
          }),
        ),
        "coach_certifications_dates_check",
      ));
  });
});
