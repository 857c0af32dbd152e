import { expect } from "vitest";
import { validateAgainstOfficial } from "../../support/oneroster-official.ts";

interface StatusInfoBody {
  imsx_codeMajor: string;
  imsx_severity: string;
  imsx_description: string;
  imsx_CodeMinor: { imsx_codeMinorField: { imsx_codeMinorFieldValue: string }[] };
}

/**
 * Reads an error response as imsx_StatusInfo: checks it against the official Rostering schema
 * and that it reports a failure, and returns its code minor and description.
 */
export async function statusInfoOf(response: Response) {
  const body = (await response.json()) as StatusInfoBody;
  expect(validateAgainstOfficial("rostering", "imsx_StatusInfoDType", body)).toEqual([]);
  expect(body).toMatchObject({ imsx_codeMajor: "failure", imsx_severity: "error" });
  return {
    codeMinor: body.imsx_CodeMinor.imsx_codeMinorField[0]?.imsx_codeMinorFieldValue,
    description: body.imsx_description,
    body,
  };
}
