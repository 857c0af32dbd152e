import type { SQL } from "drizzle-orm";

/**
 * The steps of a service's nested paths, keyed `parent/child` by path segment
 * (`schools/classes`): the condition on the child model's rows for a parent's sourcedId. The
 * whole path's parameters come along for the steps that depend on an outer parent too
 * (`/classes/{c}/students/{s}/results` are the student's results in that class).
 */
export type Relations = Readonly<
  Record<string, (parentSourcedId: string, path: Readonly<Record<string, string>>) => SQL>
>;
