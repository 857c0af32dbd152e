import { EDFI_READ_SCOPE } from "../../auth/index.ts";
import { EDFI_RESOURCES } from "../catalogue.ts";
import { DESCRIPTOR_NAMES, descriptorEndpoint } from "../descriptors/descriptor-sets.ts";
import type { ParamType } from "../resource.ts";
import SERVED from "./ds-5.1-served.json" with { type: "json" };

type Operation = Record<string, unknown> & { parameters: Record<string, unknown>[] };
type PathItem = Record<string, Operation>;
export type OpenApiPaths = Record<string, PathItem>;

/** The DS 5.1 export's GET operations of what is served, and the components they use. */
const EXPORT = SERVED as unknown as {
  resources: Record<string, { collection: Operation; item: Operation }>;
  descriptors: Record<string, { collection: Operation; item: Operation }>;
  resourcesComponents: Record<string, Record<string, unknown>>;
  descriptorsComponents: Record<string, Record<string, unknown>>;
  dependencies: { resource: string; order: number; operations: string[] }[];
};

/**
 * More paths for the resources document, e.g. `/deletes` and `/keyChanges` where they are
 * served: each extension adds its own (see `EdfiExtension`).
 */
export type MetadataPaths = () => OpenApiPaths;

const integer = { type: "integer", format: "int64", minimum: 0 };

/** The parameters this API adds to every collection, beyond the export's offset/limit/totalCount. */
const OUR_PARAMETERS = [
  {
    name: "minChangeVersion",
    in: "query",
    description: "Only records whose change version is at least this.",
    schema: integer,
  },
  {
    name: "maxChangeVersion",
    in: "query",
    description: "Only records whose change version is at most this.",
    schema: integer,
  },
  {
    name: "pageToken",
    in: "query",
    description: "Cursor paging: a Next-Page-Token header or a token from /partitions.",
    schema: { type: "string" },
  },
  {
    name: "pageSize",
    in: "query",
    description: "Cursor paging: records per page (default 25, at most 500).",
    schema: { type: "integer", minimum: 1, maximum: 500 },
  },
  {
    name: "purpose",
    in: "query",
    description: "Why the records are requested; logged with the disclosure.",
    schema: { type: "string" },
  },
];

/** The export's collection GET, with the parameters actually served. */
function collectionOperation(
  operation: Operation,
  served: Readonly<Record<string, ParamType>>,
): Operation {
  const kept = operation.parameters.filter(
    (parameter) =>
      "$ref" in parameter || (typeof parameter.name === "string" && parameter.name in served),
  );
  return { ...operation, parameters: [...kept, ...OUR_PARAMETERS] };
}

function partitionsOperation(endpoint: string): Operation {
  return {
    tags: [endpoint],
    summary: "Page tokens splitting the collection into partitions, for parallel cursor paging.",
    operationId: `get${endpoint.charAt(0).toUpperCase()}${endpoint.slice(1)}Partitions`,
    parameters: [
      {
        name: "number",
        in: "query",
        description: "How many partitions (1 to 200, default 10).",
        schema: { type: "integer", minimum: 1, maximum: 200 },
      },
    ],
    responses: {
      200: {
        description: "One page token per partition.",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { pageTokens: { type: "array", items: { type: "string" } } },
            },
          },
        },
      },
      400: { $ref: "#/components/responses/BadRequest" },
      401: { $ref: "#/components/responses/Unauthorized" },
      403: { $ref: "#/components/responses/Forbidden" },
    },
  };
}

function document(
  origin: string,
  title: string,
  paths: OpenApiPaths,
  components: Record<string, Record<string, unknown>>,
) {
  return {
    openapi: "3.0.1",
    info: {
      title,
      description:
        "What the TSA Coach Gateway serves, read only, as the Ed-Fi ODS/API 7 does (Data Standard 5.1 shapes).",
      version: "3",
    },
    servers: [{ url: `${origin}/ed-fi/data/v3` }],
    paths,
    components: {
      ...components,
      securitySchemes: {
        oauth2_client_credentials: {
          type: "oauth2",
          description: "OAuth 2.0 client credentials, with the gateway's API clients.",
          flows: {
            clientCredentials: {
              tokenUrl: `${origin}/ed-fi/oauth/token`,
              scopes: { [EDFI_READ_SCOPE]: "Read every Ed-Fi resource and descriptor." },
            },
          },
        },
      },
    },
    security: [{ oauth2_client_credentials: [] }],
  };
}

/** The resources metadata (`…/resources/swagger.json`): every resource path served. */
export function resourcesOpenApi(origin: string, extensions: readonly MetadataPaths[] = []) {
  const paths: OpenApiPaths = {};
  for (const resource of EDFI_RESOURCES) {
    const operations = EXPORT.resources[resource.endpoint];
    if (!operations) throw new Error(`the DS 5.1 export has no ${resource.endpoint}`);
    const path = `/ed-fi/${resource.endpoint}`;
    paths[path] = { get: collectionOperation(operations.collection, resource.params) };
    paths[`${path}/partitions`] = { get: partitionsOperation(resource.endpoint) };
    paths[`${path}/{id}`] = { get: operations.item };
  }
  for (const extension of extensions) Object.assign(paths, extension());
  return document(origin, "Ed-Fi Resources (TSA Coach Gateway)", paths, EXPORT.resourcesComponents);
}

/** The descriptors metadata (`…/descriptors/swagger.json`): every descriptor set served. */
export function descriptorsOpenApi(origin: string, params: Readonly<Record<string, ParamType>>) {
  const paths: OpenApiPaths = {};
  for (const name of DESCRIPTOR_NAMES) {
    const endpoint = descriptorEndpoint(name);
    const operations = EXPORT.descriptors[endpoint];
    if (!operations) throw new Error(`the DS 5.1 export has no ${endpoint}`);
    const collection = collectionOperation(operations.collection, params);
    paths[`/ed-fi/${endpoint}`] = {
      // Descriptors are paged by offset only.
      get: {
        ...collection,
        parameters: collection.parameters.filter(
          (p) => p.name !== "pageToken" && p.name !== "pageSize",
        ),
      },
    };
    paths[`/ed-fi/${endpoint}/{id}`] = { get: operations.item };
  }
  return document(
    origin,
    "Ed-Fi Descriptors (TSA Coach Gateway)",
    paths,
    EXPORT.descriptorsComponents,
  );
}

/** The load order of what is served: the DS 5.1 `dependencies` entries for served paths. */
export const dependencies = () => EXPORT.dependencies;
