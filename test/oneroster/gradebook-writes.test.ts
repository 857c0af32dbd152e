import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { auditLogs } from "../../src/db/existing/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { validateAgainstOfficial } from "../support/oneroster-official.ts";
import { demoIds, type PathIds } from "./support/demo-ids.ts";
import { type Gateway, idsOf, recordsOf, scope, startGateway } from "./support/gateway.ts";
import { statusInfoOf } from "./support/status-info.ts";

type Ref = { sourcedId: string };

const WRITES = [
  scope("roster.readonly"),
  scope("gradebook.readonly"),
  scope("gradebook.createput"),
  scope("gradebook.createpost"),
  scope("gradebook.delete"),
];

/** The text of each file of a zip, by name. */
function unzip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, string>();
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

describe("Gradebook writes over REST", () => {
  let gateway: Gateway;
  let token: string;
  let ids: PathIds;
  let category: string;
  let gradingPeriod: string;
  let otherStudent: string;
  let otherClass: string;
  const gradebook = (method: string, path: string, body?: unknown, bearer = token) =>
    gateway.call("gradebook", method, path, bearer, body);
  const read = async (path: string) => {
    const response = await gradebook("GET", path);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, Record<string, unknown>>;
  };

  const lineItem = (overrides: Record<string, unknown> = {}) => ({
    title: "Essay 1",
    assignDate: "2025-01-06",
    dueDate: "2025-01-13T23:59:00Z",
    class: { sourcedId: ids.params.classSourcedId },
    category: { sourcedId: category },
    resultValueMin: 0,
    resultValueMax: 100,
    ...overrides,
  });
  const result = (lineItemId: string, overrides: Record<string, unknown> = {}) => ({
    lineItem: { sourcedId: lineItemId },
    student: { sourcedId: ids.params.studentSourcedId },
    scoreStatus: "fully graded",
    score: 88,
    scoreDate: "2025-01-14",
    ...overrides,
  });

  beforeAll(async () => {
    gateway = await startGateway({ tenants: ["demo", "other"] });
    token = await gateway.token({ scopes: WRITES });
    ids = await demoIds(gateway, token);
    const classId = ids.params.classSourcedId;
    const [item] = await recordsOf(await gradebook("GET", `/classes/${classId}/lineItems?limit=1`));
    category = (item?.category as Ref | undefined)?.sourcedId ?? "";
    const [period] = await idsOf(
      await gateway.get(`/terms/${ids.params.termSourcedId}/gradingPeriods?limit=1`, token),
    );
    gradingPeriod = period ?? "";
    const students = await idsOf(await gateway.get(`/classes/${classId}/students`, token));
    const all = await idsOf(await gateway.get("/students?limit=1000", token));
    otherStudent = all.find((id) => !students.includes(id)) ?? "";
    const classes = await idsOf(await gateway.get("/classes?limit=1000", token));
    otherClass = classes.find((id) => id !== classId) ?? "";
  });
  afterAll(() => gateway?.close());

  it("PUT creates a line item from liberal input and answers 201; the read validates", async () => {
    const body = {
      lineItem: lineItem({
        gradingPeriod: undefined,
        academicSession: { sourcedId: gradingPeriod },
        learningObjectiveSet: [{ source: "case", learningObjectiveIds: ["LO-7"] }],
      }),
    };
    const response = await gradebook("PUT", "/lineItems/li-put", body);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("");
    const stored = await read("/lineItems/li-put");
    expect(validateAgainstOfficial("gradebook", "SingleLineItemDType", stored)).toEqual([]);
    expect(stored.lineItem).toMatchObject({
      sourcedId: "li-put",
      status: "active",
      assignDate: "2025-01-06T00:00:00.000Z",
      dueDate: "2025-01-13T23:59:00.000Z",
      school: { sourcedId: ids.params.schoolSourcedId, type: "org" },
      academicSession: { sourcedId: gradingPeriod },
      learningObjectiveSet: [{ source: "case", learningObjectiveIds: ["LO-7"] }],
    });
  });

  it("PUT stores a result: every scoreStatus, a timestamp as scoreDate, extra credit above the maximum", async () => {
    for (const scoreStatus of ["exempt", "submitted", "partially graded", "not submitted"]) {
      const response = await gradebook("PUT", "/results/r-put", {
        result: result("li-put", { scoreStatus, scoreDate: "2025-01-14T10:00:00Z", score: 150 }),
      });
      expect({ scoreStatus, status: response.status }).toEqual({ scoreStatus, status: 201 });
    }
    const stored = await read("/results/r-put");
    expect(validateAgainstOfficial("gradebook", "SingleResultDType", stored)).toEqual([]);
    expect(stored.result).toMatchObject({
      scoreStatus: "not submitted",
      score: 150,
      scoreDate: "2025-01-14",
      class: { sourcedId: ids.params.classSourcedId },
    });
  });

  it("records each write in audit_logs with old and new values", async () => {
    const rows = await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.entity, "result"), eq(auditLogs.purpose, "oneroster:putResult"))),
    );
    expect(rows.map((row) => row.action)).toEqual(["create", "replace", "replace", "replace"]);
    const [created, replaced] = rows;
    expect(created).toMatchObject({ actorType: "client", entityIds: ["r-put"], recordCount: 1 });
    expect(created?.changes).toMatchObject({ old: null, new: { score_status: "exempt" } });
    expect(replaced?.changes).toMatchObject({
      old: { score_status: "exempt" },
      new: { score_status: "submitted" },
    });
    expect(JSON.stringify(created?.changes)).not.toContain("tenant_id");
  });

  it("DELETE marks the result tobedeleted (204); lists leave it out; an unknown id is 404", async () => {
    expect((await gradebook("DELETE", "/results/r-put")).status).toBe(204);
    const classId = ids.params.classSourcedId;
    expect(
      await idsOf(await gradebook("GET", `/classes/${classId}/lineItems/li-put/results`)),
    ).toEqual([]);
    expect((await read("/results/r-put")).result?.status).toBe("tobedeleted");
    const unknown = await gradebook("DELETE", "/results/no-such-result");
    expect(unknown.status).toBe(404);
    expect((await statusInfoOf(unknown)).codeMinor).toBe("unknownobject");
  });

  it("POST stores a set under allocated sourcedIds and answers the pairs", async () => {
    const classId = ids.params.classSourcedId;
    const response = await gradebook("POST", `/classes/${classId}/lineItems`, {
      lineItems: [
        { sourcedId: "tmp-1", ...lineItem({ title: "Quiz A", class: undefined }) },
        { sourcedId: "tmp-2", ...lineItem({ title: "Quiz B" }) },
      ],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      sourcedIdPairs: { suppliedSourcedId: string; allocatedSourcedId: string }[];
    };
    expect(validateAgainstOfficial("gradebook", "GUIDPairSetDType", body)).toEqual([]);
    expect(body.sourcedIdPairs.map((pair) => pair.suppliedSourcedId)).toEqual(["tmp-1", "tmp-2"]);
    const allocated = body.sourcedIdPairs[0]?.allocatedSourcedId ?? "";
    expect(allocated).not.toBe("tmp-1");
    expect((await read(`/lineItems/${allocated}`)).lineItem).toMatchObject({ title: "Quiz A" });

    const results = await gradebook("POST", `/lineItems/${allocated}/results`, {
      results: [{ sourcedId: "t", ...result(allocated, { lineItem: undefined }) }],
    });
    expect(results.status).toBe(201);
  });

  it("a POST set with one bad item writes nothing", async () => {
    const classId = ids.params.classSourcedId;
    const titled = `/lineItems?filter=${encodeURIComponent("title='Quiz C'")}`;
    const response = await gradebook("POST", `/classes/${classId}/lineItems`, {
      lineItems: [
        { sourcedId: "tmp-1", ...lineItem({ title: "Quiz C" }) },
        {
          sourcedId: "tmp-2",
          ...lineItem({ title: "Quiz C", category: { sourcedId: "no-such-category" } }),
        },
      ],
    });
    expect(response.status).toBe(422);
    expect((await statusInfoOf(response)).description).toContain("lineItems[1].category");
    expect(await idsOf(await gradebook("GET", titled))).toEqual([]);
  });

  it("malformed JSON answers 400 as imsx_StatusInfo", async () => {
    const response = await gradebook("PUT", "/categories/cat-x", '{"category": {"title": ');
    expect(response.status).toBe(400);
    expect((await statusInfoOf(response)).codeMinor).toBe("invaliddata");
  });

  it.each([
    [
      "an unknown class",
      "lineItem.class",
      () => [
        "/lineItems/li-bad",
        { lineItem: lineItem({ class: { sourcedId: "no-such-class" } }) },
      ],
    ],
    [
      "an unknown category",
      "lineItem.category",
      () => [
        "/lineItems/li-bad",
        { lineItem: lineItem({ category: { sourcedId: "no-such-category" } }) },
      ],
    ],
    [
      "a session that is not a term or grading period of the class",
      "lineItem.academicSession",
      () => [
        "/lineItems/li-bad",
        { lineItem: lineItem({ academicSession: { sourcedId: "no-term-of-this-class" } }) },
      ],
    ],
    [
      "a student not enrolled in the line item's class",
      "result.student",
      () => [
        "/results/r-bad",
        { result: result("li-put", { student: { sourcedId: otherStudent } }) },
      ],
    ],
    [
      "a score scale of another class",
      "lineItem.scoreScale",
      () => [
        "/lineItems/li-bad",
        { lineItem: lineItem({ scoreScale: { sourcedId: "ss-other" } }) },
      ],
    ],
    [
      "a required field left out",
      "result.scoreStatus",
      () => ["/results/r-bad", { result: result("li-put", { scoreStatus: undefined }) }],
    ],
  ] as const)("422 invaliddata naming the field: %s", async (_, field, request) => {
    const [path, body] = request() as [string, unknown];
    if (field.endsWith("scoreScale")) {
      // A scale of another class: the one kept for another class of the district.
      await gradebook("PUT", "/scoreScales/ss-other", {
        scoreScale: {
          title: "Other",
          type: "letter",
          class: { sourcedId: otherClass },
          scoreScaleValue: [{ itemValueLHS: "A", itemValueRHS: "90" }],
        },
      });
    }
    const response = await gradebook("PUT", path, body);
    expect(response.status).toBe(422);
    const info = await statusInfoOf(response);
    expect(info.codeMinor).toBe("invaliddata");
    expect(info.description).toContain(field);
    expect((await gradebook("GET", path)).status).toBe(404);
  });

  it("scopes per operation: createput cannot POST, readonly cannot write, DELETE needs delete", async () => {
    const put = await gateway.token({ scopes: [scope("gradebook.createput")] });
    const readonly = await gateway.token({ scopes: [scope("gradebook.readonly")] });
    const classId = ids.params.classSourcedId;
    const post = await gradebook("POST", `/classes/${classId}/lineItems`, { lineItems: [] }, put);
    expect(post.status).toBe(403);
    expect(
      (await gradebook("PUT", "/categories/c-1", { category: { title: "x" } }, readonly)).status,
    ).toBe(403);
    expect((await gradebook("DELETE", "/lineItems/li-put", undefined, put)).status).toBe(403);
    expect(
      (await gradebook("PUT", "/categories/c-1", { category: { title: "x" } }, put)).status,
    ).toBe(201);
  });

  it("another tenant's line item answers 404 and nothing is written", async () => {
    const other = gateway.tenants[1];
    const otherToken = await gateway.token({ scopes: WRITES, tenant: other });
    const put = await gradebook(
      "PUT",
      "/lineItems/li-other-tenant",
      { lineItem: lineItem() },
      otherToken,
    );
    expect(put.status).toBe(201);
    const response = await gradebook("POST", "/lineItems/li-other-tenant/results", {
      results: [{ sourcedId: "t", ...result("li-other-tenant", { lineItem: undefined }) }],
    });
    expect(response.status).toBe(404);
    expect((await gradebook("DELETE", "/lineItems/li-other-tenant")).status).toBe(404);
    expect((await gradebook("GET", "/lineItems/li-other-tenant")).status).toBe(404);
    const listed = await gateway.call(
      "gradebook",
      "GET",
      `/results?filter=${encodeURIComponent("lineItem.sourcedId='li-other-tenant'")}`,
      otherToken,
    );
    expect(await idsOf(listed)).toEqual([]);
  });

  it("a client restricted to a school cannot write outside it", async () => {
    const classes = await recordsOf(await gateway.get("/classes?limit=1000", token));
    const elsewhere = classes.find(
      (klass) => (klass.school as Ref).sourcedId !== ids.params.schoolSourcedId,
    );
    const restricted = await gateway.token({
      scopes: WRITES,
      orgSourcedId: ids.params.schoolSourcedId,
    });
    const outside = await gradebook(
      "PUT",
      "/lineItems/li-outside",
      {
        lineItem: lineItem({
          class: { sourcedId: (elsewhere as { sourcedId: string }).sourcedId },
        }),
      },
      restricted,
    );
    expect(outside.status).toBe(403);
    expect((await gradebook("GET", "/lineItems/li-outside")).status).toBe(404);
    expect(
      (await gradebook("PUT", "/lineItems/li-inside", { lineItem: lineItem() }, restricted)).status,
    ).toBe(201);
  });

  it("a write moves dateLastModified and shows in the CSV delta export; a deletion too", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const before = (await read("/lineItems/li-put")).lineItem?.dateLastModified as string;
    const put = await gradebook("PUT", "/lineItems/li-put", {
      lineItem: lineItem({ title: "Essay 1 (revised)" }),
    });
    expect(put.status).toBe(201);
    const after = (await read("/lineItems/li-put")).lineItem;
    expect(after?.title).toBe("Essay 1 (revised)");
    expect(Date.parse(after?.dateLastModified as string)).toBeGreaterThan(Date.parse(before));
    expect((await gradebook("DELETE", "/categories/c-1")).status).toBe(204);

    const exporter = await gateway.token({ scopes: ["gateway.export"] });
    const response = await gateway.app.request(
      `/admin/v1/exports/oneroster.zip?since=${encodeURIComponent(since)}`,
      { headers: { authorization: `Bearer ${exporter}` } },
    );
    expect(response.status).toBe(200);
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    expect(files.get("lineItems.csv")).toContain("Essay 1 (revised)");
    expect(files.get("lineItems.csv")).not.toContain("Quiz A");
    expect(files.get("categories.csv")).toMatch(/c-1,tobedeleted/);
  });

  it("assessment line items and results are written with the assessment scopes", async () => {
    const assessor = await gateway.token({
      scopes: [
        scope("assessment.readonly"),
        scope("assessment.createput"),
        scope("assessment.delete"),
      ],
    });
    const put = (path: string, body: unknown) => gradebook("PUT", path, body, assessor);
    expect(
      (
        await put("/assessmentLineItems/ali-w", {
          assessmentLineItem: {
            title: "Benchmark",
            class: { sourcedId: ids.params.classSourcedId },
          },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await put("/assessmentResults/ar-w", {
          assessmentResult: {
            assessmentLineItem: { sourcedId: "ali-w" },
            student: { sourcedId: ids.params.studentSourcedId },
            scoreStatus: "exempt",
            scoreDate: "2025-02-01T08:00:00Z",
          },
        })
      ).status,
    ).toBe(201);
    const stored = await gradebook("GET", "/assessmentResults/ar-w", undefined, assessor);
    const body = await stored.json();
    expect(validateAgainstOfficial("gradebook", "SingleAssessmentResultDType", body)).toEqual([]);
    expect(body).toMatchObject({
      assessmentResult: { scoreStatus: "exempt", scoreDate: "2025-02-01" },
    });
    expect((await gradebook("DELETE", "/assessmentResults/ar-w", undefined, token)).status).toBe(
      403,
    );
    expect((await gradebook("DELETE", "/assessmentResults/ar-w", undefined, assessor)).status).toBe(
      204,
    );
  });
});
