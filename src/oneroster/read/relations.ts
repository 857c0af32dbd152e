import type { SQL } from "drizzle-orm";

/**
 * The steps of a service's nested paths, keyed `parent/child` by path segment
 * (`schools/classes`): the condition on the child model's rows for a parent's sourcedId.
 */
export type Relations = Readonly<Record<string, (parentSourcedId: string) => SQL>>;
