import type { TwoDistricts, Viewer } from "./two-districts.ts";

/** A request to the gateway as `viewer`, with a JSON body when given one. */
export const send = (
  d: TwoDistricts,
  viewer: Viewer,
  method: string,
  path: string,
  body?: unknown,
) =>
  d.gateway.app.request(path, {
    method: method.toUpperCase(),
    headers: {
      authorization: viewer.auth,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
