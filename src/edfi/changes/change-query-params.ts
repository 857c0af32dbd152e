import { z } from "zod";
import { ApiError } from "../../kernel/errors.ts";

const version = z.coerce
  .number({ error: "must be a change version (a whole number), e.g. 1200" })
  .int("must be a whole number, e.g. 1200")
  .min(0, "must be 0 or more");

/** The query of `/deletes` and `/keyChanges`: the change window and ODS/API offset paging. */
const CHANGE_QUERY = z.object({
  minChangeVersion: version.optional(),
  maxChangeVersion: version.optional(),
  offset: z.coerce
    .number({ error: "must be a whole number, e.g. 0" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .default(0),
  limit: z.coerce
    .number({ error: "must be a whole number from 0 to 500, e.g. 25" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(500, "must be 500 or less; page with offset for more")
    .default(25),
  totalCount: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  purpose: z.string().trim().min(1).max(200).optional(),
});

export type ChangeQuery = z.output<typeof CHANGE_QUERY>;

/** The parsed query, or a 400 naming each bad parameter and how to fix it. */
export function parseChangeQuery(query: Record<string, string>): ChangeQuery {
  const parsed = CHANGE_QUERY.safeParse(query);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new ApiError("bad_request", `Invalid query: ${details}`);
  }
  const { minChangeVersion, maxChangeVersion } = parsed.data;
  if (
    minChangeVersion !== undefined &&
    maxChangeVersion !== undefined &&
    minChangeVersion > maxChangeVersion
  ) {
    throw new ApiError(
      "bad_request",
      `Invalid query: minChangeVersion (${minChangeVersion}) is above maxChangeVersion (${maxChangeVersion}); swap them.`,
    );
  }
  return parsed.data;
}
