import type { OneRosterOperation } from "../../../src/oneroster/routes/index.ts";
import { type Gateway, recordsOf } from "./gateway.ts";

type Ref = { sourcedId: string };

/**
 * Real sourcedIds of the demo district for every path parameter, found through the API the
 * way an integration engineer would: a student's enrollment gives its class, school and
 * course; a teacher teaching that class; the class's first term.
 */
export async function demoIds(gateway: Gateway, token: string): Promise<PathIds> {
  const first = async (path: string) => {
    const [record] = await recordsOf(await gateway.get(path, token));
    if (!record) throw new Error(`The demo district has nothing at ${path}`);
    return record;
  };
  const enrollment = await first("/enrollments?filter=role='student'&limit=1");
  const classSourcedId = (enrollment.class as Ref).sourcedId;
  const schoolSourcedId = (enrollment.school as Ref).sourcedId;
  const studentSourcedId = (enrollment.user as Ref).sourcedId;
  const teaching = await first(
    `/enrollments?filter=role='teacher' AND class.sourcedId='${classSourcedId}'&limit=1`,
  );
  const teacherSourcedId = (teaching.user as Ref).sourcedId;
  const klass = await first(`/classes?filter=sourcedId='${classSourcedId}'`);
  const courseSourcedId = (klass.course as Ref).sourcedId;
  const termSourcedId = (klass.terms as Ref[])[0]!.sourcedId;
  const gradingPeriod = await first(`/terms/${termSourcedId}/gradingPeriods?limit=1`);
  const schoolYear = await first("/academicSessions?filter=type='schoolYear'&limit=1");

  return {
    params: {
      schoolSourcedId,
      classSourcedId,
      courseSourcedId,
      studentSourcedId,
      teacherSourcedId,
      userSourcedId: studentSourcedId,
      termSourcedId,
    },
    objects: {
      academicSessions: String(schoolYear.sourcedId),
      classes: classSourcedId,
      courses: courseSourcedId,
      demographics: studentSourcedId,
      enrollments: String(enrollment.sourcedId),
      gradingPeriods: String(gradingPeriod.sourcedId),
      orgs: schoolSourcedId,
      schools: schoolSourcedId,
      students: studentSourcedId,
      teachers: teacherSourcedId,
      terms: termSourcedId,
      users: teacherSourcedId,
    },
  } satisfies PathIds;
}

/** SourcedIds to put in paths: nested-path parameters by name, single objects by collection. */
export interface PathIds {
  params: Record<string, string>;
  objects: Record<string, string>;
}

/**
 * The operation's path with every parameter replaced by one of `ids`.
 *
 * @example
 * pathFor({ path: "/schools/{schoolSourcedId}/classes" }, ids) // "/schools/sch-0001/classes"
 */
export function pathFor(operation: Pick<OneRosterOperation, "path">, ids: PathIds): string {
  const collection = operation.path.split("/")[1] ?? "";
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = name === "sourcedId" ? ids.objects[collection] : ids.params[name];
    if (id === undefined) throw new Error(`No id for {${name}} in ${operation.path}`);
    return encodeURIComponent(id);
  });
}
