import { z } from "@hono/zod-openapi";

/**
 * Query and path parameters as the official files declare them. At run time the query values
 * pass through as the raw strings the client sent: `parseCollectionQuery` (../query) judges
 * them and answers with the OneRoster code-minor (`invaliddata`, `invalid_selection_field`…),
 * which a zod failure here would pre-empt with a generic error. The OpenAPI metadata carries
 * the official types.
 */

/** Official: an array, form style, exploded (`fields=a&fields=b`); `fields=a,b` is common too. */
const fields = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .openapi({
    type: "array",
    items: { type: "string" },
    description: "The fields to return; repeat the parameter or separate names with commas.",
    param: { style: "form" },
  });

const int32 = (minimum: number, fallback: number, description: string) =>
  z
    .string()
    .optional()
    .openapi({ type: "integer", format: "int32", minimum, default: fallback, description });

export const itemQuery = z.object({ fields });

export const collectionQuery = z.object({
  limit: int32(
    1,
    100,
    "The maximum number of records to return. The server caps it at its PAGE_SIZE_MAX (1000 unless configured otherwise) and answers at most that many; the Link header carries the limit applied.",
  ),
  offset: int32(0, 0, "The zero-based index of the first record."),
  sort: z.string().optional().openapi({ description: "The field to sort on; see orderBy." }),
  orderBy: z
    .string()
    .optional()
    .openapi({ enum: ["asc", "desc"], description: "The sort direction." }),
  filter: z
    .string()
    .optional()
    .openapi({ description: "A filter expression such as dateLastModified>'2024-01-01'." }),
  fields,
});

/** The path parameters of a route, named exactly as the official path names them. */
export function pathParams(names: readonly string[]) {
  return z.object(
    Object.fromEntries(
      names.map((name) => {
        const target = name === "sourcedId" ? "object" : name.replace(/SourcedId$/, "");
        return [name, z.string().openapi({ description: `The sourcedId of the ${target}.` })];
      }),
    ),
  );
}
