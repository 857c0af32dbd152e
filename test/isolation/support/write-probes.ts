import { expect } from "vitest";
import { BASE_PATHS, GRADEBOOK_OPERATIONS } from "../../../src/oneroster/routes/index.ts";
import { type PathIds, pathFor } from "../../oneroster/support/demo-ids.ts";
import { tenantChecksum } from "../../support/snapshot.ts";
import { send } from "./send.ts";
import type { TwoDistricts, Viewer } from "./two-districts.ts";

const lineItem = (ids: PathIds) => ({
  title: "Probe",
  assignDate: "2025-01-06",
  dueDate: "2025-01-13T23:59:00Z",
  class: { sourcedId: ids.params.classSourcedId },
  category: { sourcedId: ids.objects.categories },
  resultValueMin: 0,
  resultValueMax: 100,
});
const result = (ids: PathIds) => ({
  lineItem: { sourcedId: ids.params.lineItemSourcedId },
  student: { sourcedId: ids.params.studentSourcedId },
  scoreStatus: "fully graded",
  score: 80,
  scoreDate: "2025-01-14",
});

/** A valid body for each Gradebook write, naming the records of `ids` (none for a DELETE). */
const BODIES: Record<string, (ids: PathIds) => unknown> = {
  "/categories/{sourcedId}": () => ({ category: { title: "Probe" } }),
  "/lineItems/{sourcedId}": (ids) => ({ lineItem: lineItem(ids) }),
  "/results/{sourcedId}": (ids) => ({ result: result(ids) }),
  "/scoreScales/{sourcedId}": (ids) => ({
    scoreScale: {
      title: "Probe",
      type: "letter",
      class: { sourcedId: ids.params.classSourcedId },
      scoreScaleValue: [{ itemValueLHS: "A", itemValueRHS: "90" }],
    },
  }),
  "/classes/{classSourcedId}/academicSessions/{academicSessionSourcedId}/results": (ids) => ({
    results: [{ sourcedId: "tmp-1", ...result(ids) }],
  }),
  "/classes/{classSourcedId}/lineItems": (ids) => ({
    lineItems: [{ sourcedId: "tmp-1", ...lineItem(ids) }],
  }),
  "/lineItems/{lineItemSourcedId}/results": (ids) => ({
    results: [{ sourcedId: "tmp-1", ...result(ids) }],
  }),
  "/schools/{schoolSourcedId}/lineItems": (ids) => ({
    lineItems: [{ sourcedId: "tmp-1", ...lineItem(ids) }],
  }),
  "/assessmentLineItems/{sourcedId}": (ids) => ({
    assessmentLineItem: { title: "Probe", class: { sourcedId: ids.params.classSourcedId } },
  }),
  "/assessmentResults/{sourcedId}": (ids) => ({
    assessmentResult: {
      assessmentLineItem: { sourcedId: ids.objects.assessmentLineItems },
      student: { sourcedId: ids.params.studentSourcedId },
      scoreStatus: "exempt",
      scoreDate: "2025-02-01",
    },
  }),
};

const REFUSED = [403, 404, 422];

/**
 * One probe per Gradebook write (PUT, POST, DELETE): north, whole and restricted, asks it for
 * south's own records, and the restricted client for those of another school of north, each
 * with a body naming the same records; every answer is a refusal and neither south's nor (for
 * the restricted client) north's checksum moves. Then the owner makes the same requests and
 * they succeed, so the refusals were about whose records they are, not about the body.
 */
export const WRITE_PROBES = Object.fromEntries(
  GRADEBOOK_OPERATIONS.filter((operation) => operation.method !== "GET").map((operation) => {
    const method = operation.method.toLowerCase();
    const key = `${method} ${BASE_PATHS.gradebook}${operation.path}`;
    const request = (d: TwoDistricts, viewer: Viewer, ids: PathIds) =>
      send(
        d,
        viewer,
        method,
        `${BASE_PATHS.gradebook}${pathFor(operation, ids)}`,
        method === "delete" ? undefined : BODIES[operation.path]?.(ids),
      );
    const probe = async (d: TwoDistricts) => {
      const { db } = d.gateway.database;
      const before = {
        north: await tenantChecksum(db, d.north.id),
        south: await tenantChecksum(db, d.south.id),
      };
      const asked = [
        [d.restricted, d.southOnly],
        [d.restricted, d.northIds],
        [d.northAdmin, d.southOnly],
      ] as const;
      for (const [viewer, ids] of asked) {
        const status = (await request(d, viewer, ids)).status;
        // A category names no other record: north whole may create (then delete) its own
        // under any id, south's unchanged.
        const allowed =
          viewer === d.northAdmin && operation.path === "/categories/{sourcedId}"
            ? [...REFUSED, 201, 204]
            : REFUSED;
        expect(allowed, `${key} by ${viewer.name}`).toContain(status);
        if (viewer === d.restricted)
          expect(await tenantChecksum(db, d.north.id), `${key} by ${viewer.name}`).toBe(
            before.north,
          );
      }
      expect(await tenantChecksum(db, d.south.id), key).toBe(before.south);
      for (const [owner, ids] of [
        [d.southAdmin, d.southOnly],
        [d.northAdmin, d.northIds],
      ] as const) {
        const status = (await request(d, owner, ids)).status;
        expect([200, 201, 204], `${key} by ${owner.name}, its own`).toContain(status);
      }
    };
    return [key, probe];
  }),
);
