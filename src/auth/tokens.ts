import { errors, jwtVerify, SignJWT } from "jose";
import type { AuthContext } from "../kernel/auth-context.ts";

const ISSUER = "tsa-coach-gateway";
const ALGORITHM = "HS256";

const key = (secret: string) => new TextEncoder().encode(secret);

/** Signs a short-lived access token carrying the tenant, the scopes and any org restriction. */
export async function issueToken(
  secret: string,
  ttlSeconds: number,
  auth: AuthContext,
): Promise<string> {
  return new SignJWT({
    tid: auth.tenantId,
    scope: [...auth.scopes].join(" "),
    sv: auth.secretVersion,
    ...(auth.orgSourcedId ? { org: auth.orgSourcedId } : {}),
    // Carried in the token so rate limiting needs no query per request.
    ...(auth.rateLimitPerMinute ? { rl: auth.rateLimitPerMinute } : {}),
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setIssuer(ISSUER)
    .setSubject(auth.clientId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

export type TokenProblem = "expired" | "invalid";

/** Verifies signature, algorithm (HS256 only, so `alg: none` never passes), issuer and expiry. */
export async function verifyToken(
  secret: string,
  token: string,
): Promise<AuthContext | TokenProblem> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
    });
    if (typeof payload.sub !== "string" || typeof payload.tid !== "string") return "invalid";
    const scope = typeof payload.scope === "string" ? payload.scope : "";
    return {
      clientId: payload.sub,
      tenantId: payload.tid,
      // Tokens from before secret versions existed were issued under the first secret.
      secretVersion: typeof payload.sv === "number" ? payload.sv : 1,
      scopes: new Set(scope.split(" ").filter(Boolean)),
      ...(typeof payload.org === "string" ? { orgSourcedId: payload.org } : {}),
      ...(typeof payload.rl === "number" ? { rateLimitPerMinute: payload.rl } : {}),
    };
  } catch (error) {
    return error instanceof errors.JWTExpired ? "expired" : "invalid";
  }
}
