import { sql } from "drizzle-orm";
import { code, columnsOf, date, defineReadModel, flag, text } from "../read/index.ts";
import { holdsRole } from "./user-roles.ts";

const d = columnsOf("d");

export const demographicsReadModel = defineReadModel({
  entity: "demographics",
  table: "demographics",
  alias: "d",
  fields: {
    birthDate: date("birth_date"),
    sex: code("sex"),
    americanIndianOrAlaskaNative: flag("american_indian_or_alaska_native"),
    asian: flag("asian"),
    blackOrAfricanAmerican: flag("black_or_african_american"),
    nativeHawaiianOrOtherPacificIslander: flag("native_hawaiian_or_other_pacific_islander"),
    white: flag("white"),
    demographicRaceTwoOrMoreRaces: flag("demographic_race_two_or_more_races"),
    hispanicOrLatinoEthnicity: flag("hispanic_or_latino_ethnicity"),
    countryOfBirthCode: text("country_of_birth_code"),
    stateOfBirthAbbreviation: text("state_of_birth_abbreviation"),
    cityOfBirth: text("city_of_birth"),
    publicSchoolResidenceStatus: text("public_school_residence_status"),
  },
  // Demographics share the user's sourcedId, so they follow the user's restriction.
  restrict: (orgs) =>
    holdsRole(
      { tenant: d("tenant_id"), key: d("sourced_id") },
      sql`r.org_sourced_id = any(${orgs})`,
    ),
});
