import type { Context } from "hono";
import type { AppEnv, AppOpenAPI } from "../../kernel/app-env.ts";
import { publicOrigin } from "../../kernel/public-origin.ts";
import {
  dependencies,
  descriptorsOpenApi,
  type MetadataPaths,
  resourcesOpenApi,
} from "../metadata/openapi.ts";
import { DESCRIPTOR_PARAMS } from "./descriptor.routes.ts";

/** The Ed-Fi base path of the gateway. */
export const EDFI_BASE_PATH = "/ed-fi";

const base = (c: Context<AppEnv>) => `${publicOrigin(c)}${EDFI_BASE_PATH}`;

/**
 * The public documents: the root discovery document, the metadata index, the OpenAPI
 * documents of resources and descriptors, and the dependency (load) order.
 */
export function registerDiscovery(edfi: AppOpenAPI, extraPaths: readonly MetadataPaths[]): void {
  edfi.get("/", (c) =>
    c.json({
      version: "7.3",
      applicationName: "TSA Coach Gateway",
      informationalVersion: "Ed-Fi ODS/API 7.3 compatible read API",
      build: "tsa-coach-gateway",
      apiMode: "District Specific",
      dataModels: [
        { name: "Ed-Fi", version: "5.1.0", informationalVersion: "The Ed-Fi Data Standard v5.1" },
      ],
      urls: {
        dependencies: `${base(c)}/metadata/data/v3/dependencies`,
        openApiMetadata: `${base(c)}/metadata/specifications`,
        oauth: `${base(c)}/oauth/token`,
        dataManagementApi: `${base(c)}/data/v3/`,
        changeQueries: `${base(c)}/changeQueries/v1/`,
      },
    }),
  );
  edfi.get("/metadata", (c) =>
    c.json({
      dependencies: `${base(c)}/metadata/data/v3/dependencies`,
      specifications: `${base(c)}/metadata/specifications`,
    }),
  );
  edfi.get("/metadata/specifications", (c) =>
    c.json([
      {
        name: "Resources",
        endpointUri: `${base(c)}/metadata/data/v3/resources/swagger.json`,
        prefix: "",
      },
      {
        name: "Descriptors",
        endpointUri: `${base(c)}/metadata/data/v3/descriptors/swagger.json`,
        prefix: "",
      },
    ]),
  );
  edfi.get("/metadata/data/v3/resources/swagger.json", (c) =>
    c.json(resourcesOpenApi(publicOrigin(c), extraPaths)),
  );
  edfi.get("/metadata/data/v3/descriptors/swagger.json", (c) =>
    c.json(descriptorsOpenApi(publicOrigin(c), DESCRIPTOR_PARAMS)),
  );
  edfi.get("/metadata/data/v3/dependencies", (c) => c.json(dependencies()));
}
