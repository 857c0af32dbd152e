import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../src/kernel/app-env.ts";

/** POST /oauth/token with HTTP Basic credentials. */
export const requestToken = (app: OpenAPIHono<AppEnv>, clientId: string, clientSecret: string) =>
  app.request("/oauth/token", {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });

/** An access token for the credentials; fails the test when none is issued. */
export async function accessToken(
  app: OpenAPIHono<AppEnv>,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  const response = await requestToken(app, clientId, clientSecret);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`No token for ${clientId}: ${JSON.stringify(body)}`);
  return body.access_token;
}
