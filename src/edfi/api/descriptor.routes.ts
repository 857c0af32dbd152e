import type { Context } from "hono";
import { EDFI_READ_SCOPE, rateLimit, requireScopes } from "../../auth/index.ts";
import type { AppEnv, AppOpenAPI, RequestBudgets } from "../../kernel/app-env.ts";
import { ApiError } from "../../kernel/errors.ts";
import {
  DESCRIPTORS_CHANGE_VERSION,
  type DescriptorDocument,
  descriptorDocuments,
} from "../descriptors/descriptor-documents.ts";
import {
  DESCRIPTOR_NAMES,
  type DescriptorName,
  descriptorEndpoint,
} from "../descriptors/descriptor-sets.ts";
import type { ParamType } from "../resource.ts";
import { badParameter } from "./problem.ts";
import { parseCollectionRequest } from "./query.ts";
import { DATA_PATH, ID_PATTERN } from "./resource.routes.ts";

/** The query parameters of a descriptor collection besides paging. */
export const DESCRIPTOR_PARAMS: Readonly<Record<string, ParamType>> = {
  codeValue: "string",
  namespace: "string",
};

const inWindow = (min: number | undefined, max: number | undefined) =>
  (min === undefined || DESCRIPTORS_CHANGE_VERSION >= min) &&
  (max === undefined || DESCRIPTORS_CHANGE_VERSION <= max);

function collection(name: DescriptorName) {
  const all = descriptorDocuments(name);
  return (c: Context<AppEnv>) => {
    const query = new URL(c.req.url).searchParams;
    const request = parseCollectionRequest(query, DESCRIPTOR_PARAMS);
    if (request.paging.kind !== "offset") {
      throw badParameter("Descriptors are paged with offset and limit only.");
    }
    const matching = all.filter(
      (document) =>
        inWindow(request.minChangeVersion, request.maxChangeVersion) &&
        Object.keys(DESCRIPTOR_PARAMS).every((param) => {
          const value = query.get(param);
          return value === null || document[param as keyof DescriptorDocument] === value;
        }),
    );
    const { offset, limit } = request.paging;
    const headers: Record<string, string> = request.totalCount
      ? { "total-count": String(matching.length) }
      : {};
    return c.json(matching.slice(offset, offset + limit), 200, headers);
  };
}

function item(name: DescriptorName) {
  const all = descriptorDocuments(name);
  return (c: Context<AppEnv>) => {
    const id = (c.req.param("id") ?? "").replaceAll("-", "").toLowerCase();
    const found = all.find((document) => document.id === id);
    if (found === undefined)
      throw new ApiError(
        "not_found",
        `There is no ${descriptorEndpoint(name)} value with id ${id}.`,
      );
    return c.json(found, 200, { etag: found._etag });
  };
}

/** Serves each descriptor set at `/data/v3/ed-fi/<descriptor>s` and `/{id}`, behind `edfi.readonly`. */
export function registerDescriptorRoutes(edfi: AppOpenAPI, limiter: RequestBudgets): void {
  const guard = [requireScopes([EDFI_READ_SCOPE]), rateLimit(limiter)] as const;
  for (const name of DESCRIPTOR_NAMES) {
    const path = `${DATA_PATH}/${descriptorEndpoint(name)}`;
    edfi.get(path, ...guard, collection(name));
    edfi.get(`${path}/:id${ID_PATTERN}`, ...guard, item(name));
  }
}
