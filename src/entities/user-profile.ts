import { z } from "@hono/zod-openapi";
import { type UserCredential, userProfiles } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import type { CsvCodec } from "./field.ts";
import { json, ref, text, uri } from "./field.ts";

/**
 * The URI a user profile is identified by (`profileId`, and a role's `userProfile`). Both are
 * `format: uri` in the binding while sourcedIds can never hold a scheme, so the profile's
 * sourcedId is wrapped in a URN.
 *
 * @example
 * userProfileUri("prf-tch-1") // "urn:oneroster:userProfile:prf-tch-1"
 */
export const userProfileUri = (sourcedId: string) => `urn:oneroster:userProfile:${sourcedId}`;
const PROFILE_URN = /^urn:oneroster:userProfile:/;

/** A profile URI as the profile's sourcedId: what `userProfileUri` made, or the URI's last segment. */
export const profileSourcedId = (value: string) =>
  PROFILE_URN.test(value) ? value.replace(PROFILE_URN, "") : (value.split(/[/:]/).at(-1) ?? value);

export const PROFILE_URI = { toUri: userProfileUri, fromUri: profileSourcedId };

/** The one nested type besides Metadata whose extra keys the official file allows. */
export const CredentialDType = z
  .looseObject({ type: z.string(), username: z.string(), password: z.string().optional() })
  .openapi("CredentialDType", { additionalProperties: true });

const text_ = { kind: "string" } as const;

/** The CSV binding holds one credential per profile, over three cells. */
const credentialCells: CsvCodec = {
  columns: [
    { name: "credentialType", required: true, format: text_ },
    { name: "username", required: true, format: text_ },
    { name: "password", required: false, format: text_ },
  ],
  read: (v) => [
    {
      type: v.credentialType,
      username: v.username,
      ...(typeof v.password === "string" && v.password !== "" ? { password: v.password } : {}),
    },
  ],
  write: (value) => {
    const [first] = (value as UserCredential[] | null) ?? [];
    return { credentialType: first?.type, username: first?.username, password: first?.password };
  },
};

/** A user's account with one application or vendor; served inside its user. */
export const userProfileEntity = defineEntity({
  name: "userProfile",
  table: userProfiles,
  wire: { component: "UserProfileDType", topLevel: false },
  file: {
    name: "userProfiles",
    group: "rostering",
    order: [
      "userSourcedId",
      "profileType",
      "vendorId",
      "applicationId",
      "description",
      "credentialType",
      "username",
      "password",
    ],
  },
  fields: {
    profileId: uri(PROFILE_URI, { column: "sourcedId", required: "wire", csv: false }),
    profileType: text({ required: true }),
    vendorId: text({ required: true }),
    applicationId: text(),
    description: text(),
    credentials: json(z.array(CredentialDType), { csv: credentialCells }),
    user: ref("user", { required: "csv", wire: false }),
  },
});
