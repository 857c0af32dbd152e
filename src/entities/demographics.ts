import { demographics } from "../db/schema/index.ts";
import { SEX_VALUES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, date, flag, text } from "./field.ts";

/** Demographics share the user's sourcedId, as the binding requires. */
export const demographicsEntity = defineEntity({
  name: "demographics",
  table: demographics,
  wire: { component: "DemographicsDType", topLevel: true },
  file: {
    name: "demographics",
    group: "rostering",
    order: [
      "birthDate",
      "sex",
      "americanIndianOrAlaskaNative",
      "asian",
      "blackOrAfricanAmerican",
      "nativeHawaiianOrOtherPacificIslander",
      "white",
      "demographicRaceTwoOrMoreRaces",
      "hispanicOrLatinoEthnicity",
      "countryOfBirthCode",
      "stateOfBirthAbbreviation",
      "cityOfBirth",
      "publicSchoolResidenceStatus",
    ],
  },
  fields: {
    birthDate: date(),
    sex: code(SEX_VALUES),
    americanIndianOrAlaskaNative: flag(),
    asian: flag(),
    blackOrAfricanAmerican: flag(),
    nativeHawaiianOrOtherPacificIslander: flag(),
    white: flag(),
    demographicRaceTwoOrMoreRaces: flag(),
    hispanicOrLatinoEthnicity: flag(),
    countryOfBirthCode: text(),
    stateOfBirthAbbreviation: text(),
    cityOfBirth: text(),
    publicSchoolResidenceStatus: text(),
  },
});
