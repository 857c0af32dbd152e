import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Client credentials. The id carries the tenant slug (`<slug>.<random>`) so the token endpoint
 * knows the tenant before it reads the client under that tenant's row-level security. The
 * secret is 32 random bytes, so a SHA-256 digest is enough to store it safely (no dictionary
 * to guess from); it is compared in constant time.
 *
 * @example
 * const { clientId, clientSecret, secretHash } = newClientCredentials("demo");
 */
export function newClientCredentials(tenantSlug: string) {
  const clientId = `${tenantSlug}.${randomBytes(9).toString("base64url")}`;
  return { clientId, ...newClientSecret() };
}

/** A fresh secret and the hash to store, for a new client or a rotation. */
export function newClientSecret() {
  const clientSecret = randomBytes(32).toString("base64url");
  return { clientSecret, secretHash: hashSecret(clientSecret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The tenant slug a client id was issued under, or undefined for a malformed id. */
export function tenantSlugOf(clientId: string): string | undefined {
  const match = /^([a-z0-9][a-z0-9-]{0,62})\.[A-Za-z0-9_-]{8,}$/.exec(clientId);
  return match?.[1];
}
