import {
  assessmentLineItems,
  assessmentResults,
  categories,
  classResources,
  lineItems,
  resources,
  results,
  scoreScales,
} from "../../../src/db/schema/index.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import type { Tenant } from "../../../src/tenants/tenants.ts";
import type { PathIds } from "../../oneroster/support/demo-ids.ts";
import type { Gateway } from "../../oneroster/support/gateway.ts";

/**
 * Gradebook and Resources records only south holds, at its small school's class `k-1` (Ann,
 * taught by Ben): a category, a score scale, a line item and Ann's result, an assessment line
 * item and result, and a resource of the class. Returns their ids for paths.
 */
export async function southOnlyGradebook(gateway: Gateway, south: Tenant): Promise<PathIds> {
  const tenantId = south.id;
  await withTenant(gateway.database.db, tenantId, async (tx) => {
    await tx.insert(categories).values({ tenantId, sourcedId: "cat-s", title: "Homework" });
    await tx.insert(scoreScales).values({
      tenantId,
      sourcedId: "ss-s",
      title: "Letters",
      type: "letter",
      orgSourcedId: "sch-a",
      classSourcedId: "k-1",
      scoreScaleValue: [{ itemValueLHS: "A", itemValueRHS: "90" }],
    });
    await tx.insert(lineItems).values({
      tenantId,
      sourcedId: "li-s",
      title: "Essay",
      assignDate: new Date("2025-01-06T00:00:00Z"),
      dueDate: new Date("2025-01-13T00:00:00Z"),
      classSourcedId: "k-1",
      schoolSourcedId: "sch-a",
      categorySourcedId: "cat-s",
      academicSessionSourcedId: "t-1",
    });
    await tx.insert(results).values({
      tenantId,
      sourcedId: "r-s",
      lineItemSourcedId: "li-s",
      studentSourcedId: "u-ann",
      classSourcedId: "k-1",
      scoreStatus: "fully graded",
      score: 90,
      scoreDate: "2025-01-14",
    });
    await tx.insert(assessmentLineItems).values({
      tenantId,
      sourcedId: "ali-s",
      title: "Benchmark",
      classSourcedId: "k-1",
    });
    await tx.insert(assessmentResults).values({
      tenantId,
      sourcedId: "ar-s",
      assessmentLineItemSourcedId: "ali-s",
      studentSourcedId: "u-ann",
      scoreStatus: "fully graded",
      scoreDate: "2025-01-15",
    });
    await tx
      .insert(resources)
      .values({ tenantId, sourcedId: "res-s", vendorResourceId: "V-1", title: "Reader" });
    await tx.insert(classResources).values({
      tenantId,
      sourcedId: "cr-s",
      classSourcedId: "k-1",
      resourceSourcedId: "res-s",
    });
  });
  return {
    params: { lineItemSourcedId: "li-s", academicSessionSourcedId: "t-1" },
    objects: {
      categories: "cat-s",
      lineItems: "li-s",
      results: "r-s",
      scoreScales: "ss-s",
      assessmentLineItems: "ali-s",
      assessmentResults: "ar-s",
      resources: "res-s",
    },
  };
}

type Ref = { sourcedId: string };

/**
 * The Gradebook and Resources ids a client restricted to a school may be served, read through
 * the API with its own token: a result of its class and student, that result's line item and
 * category, a resource of its class. Score scales and assessments come from `elsewhere` (ids
 * of another school), which the client is to be refused.
 */
export async function restrictedGradebookIds(
  gateway: Gateway,
  token: string,
  own: PathIds,
  elsewhere: PathIds,
): Promise<PathIds> {
  const first = async (service: "gradebook" | "resources", path: string) => {
    const response = await gateway.call(service, "GET", path, token);
    const body = (await response.json()) as Record<string, Record<string, unknown>[]>;
    const [record] = Object.values(body)[0] ?? [];
    if (response.status !== 200 || !record)
      throw new Error(`The restricted client has nothing at ${service} ${path}`);
    return record;
  };
  const { classSourcedId, studentSourcedId } = own.params;
  const result = await first(
    "gradebook",
    `/classes/${classSourcedId}/students/${studentSourcedId}/results?limit=1`,
  );
  const lineItem = await first(
    "gradebook",
    `/lineItems?filter=${encodeURIComponent(`sourcedId='${(result.lineItem as Ref).sourcedId}'`)}`,
  );
  const resource = await first("resources", `/classes/${classSourcedId}/resources?limit=1`);
  return {
    params: {
      ...own.params,
      lineItemSourcedId: String(lineItem.sourcedId),
      academicSessionSourcedId: own.params.termSourcedId ?? "",
      userSourcedId: own.params.teacherSourcedId ?? "",
    },
    objects: {
      ...elsewhere.objects,
      ...own.objects,
      categories: (lineItem.category as Ref).sourcedId,
      lineItems: String(lineItem.sourcedId),
      results: String(result.sourcedId),
      resources: String(resource.sourcedId),
    },
  };
}
