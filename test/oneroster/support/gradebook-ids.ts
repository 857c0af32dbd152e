import {
  assessmentLineItems,
  assessmentResults,
  lineItemLearningObjectives,
  lineItemScoreScales,
  resultLearningObjectives,
  resultScoreScales,
  scoreScales,
} from "../../../src/db/schema/index.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import type { PathIds } from "./demo-ids.ts";
import { type Gateway, recordsOf } from "./gateway.ts";

type Ref = { sourcedId: string };

/**
 * Adds to the demo district what it lacks for every Gradebook path to answer with records (a
 * score scale of the class, the link rows behind a line item's and a result's `scoreScale` and
 * `learningObjectiveSet`, an assessment line item and result), and returns the sourcedIds of
 * the Gradebook and Resources paths beside the Rostering ones.
 */
export async function gradebookIds(
  gateway: Gateway,
  token: string,
  rostering: PathIds,
): Promise<PathIds> {
  const { classSourcedId, studentSourcedId, courseSourcedId, schoolSourcedId } = rostering.params;
  const first = async (service: "gradebook" | "resources", path: string) => {
    const response = await gateway.call(service, "GET", path, token);
    if (response.status !== 200) {
      throw new Error(`${service} ${path}: ${response.status} ${await response.text()}`);
    }
    const [record] = await recordsOf(response);
    if (!record) throw new Error(`The demo district has nothing at ${service} ${path}`);
    return record;
  };
  const result = await first(
    "gradebook",
    `/classes/${classSourcedId}/students/${studentSourcedId}/results?limit=1`,
  );
  const lineItemSourcedId = (result.lineItem as Ref).sourcedId;
  const lineItem = await first(
    "gradebook",
    `/lineItems?filter=${encodeURIComponent(`sourcedId='${lineItemSourcedId}'`)}`,
  );
  const resource = await first("resources", `/classes/${classSourcedId}/resources?limit=1`);
  const tenantId = gateway.tenant.id;
  const resultSourcedId = String(result.sourcedId);
  await withTenant(gateway.database.db, tenantId, async (tx) => {
    await tx.insert(scoreScales).values({
      tenantId,
      sourcedId: "ss-class",
      title: "Pass or fail",
      type: "passFail",
      orgSourcedId: schoolSourcedId,
      courseSourcedId,
      classSourcedId: classSourcedId ?? "",
      scoreScaleValue: [
        { itemValueLHS: "P", itemValueRHS: "60" },
        { itemValueLHS: "F", itemValueRHS: "0" },
      ],
    });
    await tx.insert(lineItemScoreScales).values({
      tenantId,
      sourcedId: "liss-1",
      lineItemSourcedId,
      scoreScaleSourcedId: "ss-class",
    });
    await tx.insert(lineItemLearningObjectives).values([
      {
        tenantId,
        sourcedId: "lilo-1",
        lineItemSourcedId,
        source: "case",
        learningObjectiveId: "LO-1",
      },
      {
        tenantId,
        sourcedId: "lilo-2",
        lineItemSourcedId,
        source: "case",
        learningObjectiveId: "LO-2",
      },
    ]);
    await tx.insert(resultScoreScales).values({
      tenantId,
      sourcedId: "rss-1",
      resultSourcedId,
      scoreScaleSourcedId: "ss-class",
    });
    await tx.insert(resultLearningObjectives).values({
      tenantId,
      sourcedId: "rlo-1",
      resultSourcedId,
      source: "case",
      learningObjectiveId: "LO-1",
      score: 3,
    });
    await tx.insert(assessmentLineItems).values({
      tenantId,
      sourcedId: "ali-1",
      title: "Unit benchmark",
      classSourcedId,
      scoreScaleSourcedId: "ss-class",
      resultValueMin: 0,
      resultValueMax: 50,
      learningObjectiveSet: [{ source: "case", learningObjectiveIds: ["LO-1"] }],
    });
    await tx.insert(assessmentResults).values({
      tenantId,
      sourcedId: "ar-1",
      assessmentLineItemSourcedId: "ali-1",
      studentSourcedId: studentSourcedId ?? "",
      score: 41,
      scoreDate: "2025-01-15",
      scoreStatus: "fully graded",
      scorePercentile: 80,
    });
  });
  return {
    // Teachers are the users the demo links resources to (its toolkit).
    params: {
      ...rostering.params,
      lineItemSourcedId,
      userSourcedId: rostering.params.teacherSourcedId ?? "",
    },
    objects: {
      ...rostering.objects,
      categories: (lineItem.category as Ref).sourcedId,
      lineItems: lineItemSourcedId,
      results: resultSourcedId,
      scoreScales: "ss-class",
      assessmentLineItems: "ali-1",
      assessmentResults: "ar-1",
      resources: String(resource.sourcedId),
    },
  };
}
