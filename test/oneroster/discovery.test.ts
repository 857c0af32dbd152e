import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOfficialDocument } from "../support/oneroster-official.ts";
import { type Gateway, ROSTERING, startGateway } from "./support/gateway.ts";

interface Discovery {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { operationId: string }>>;
  components: {
    securitySchemes: { OAuth2CC: { flows: { clientCredentials: { tokenUrl: string } } } };
  };
}

describe("service discovery", () => {
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway({ district: false });
  });
  afterAll(() => gateway?.close());

  const operationIds = (document: Pick<Discovery, "paths">) =>
    Object.values(document.paths)
      .flatMap((methods) => Object.values(methods).map((operation) => operation.operationId))
      .sort();

  it.each([
    "onerosterv1p2rostersservice_openapi3_v1p0.json",
    "imsorv1p2_rostering_openapi3_v1p0.json",
  ])("serves %s without a token, localized to this server", async (file) => {
    const response = await gateway.app.request(
      `https://roster.example.org${ROSTERING}/discovery/${file}`,
    );
    expect(response.status).toBe(200);
    const document = (await response.json()) as Discovery;
    expect(document.openapi).toBe("3.0.0");
    expect(document.servers).toEqual([{ url: `https://roster.example.org${ROSTERING}` }]);
    expect(document.components.securitySchemes.OAuth2CC.flows.clientCredentials.tokenUrl).toBe(
      "https://roster.example.org/oauth/token",
    );
    expect(operationIds(document)).toEqual(operationIds(loadOfficialDocument("rostering")));
  });
});
