import { birthDateWindows, type SchoolCalendar, schoolCalendar } from "./calendar.ts";
import { type DistrictLayout, planDistrict } from "./layout.ts";

export interface DistrictOptions {
  students: number;
  /** Any integer; the same seed gives the same district, byte for byte. */
  seed: number;
  /**
   * The year the school year ends in (OneRoster `schoolYear`). Default 2026, so the same options
   * give the same district whatever the date; the CLI passes the current one.
   */
  schoolYear?: number;
  /** Gradebook line items per scheduled class; 0 leaves out line items and results. Default 2. */
  lineItemsPerClass?: number;
}

/** Everything a file generator needs to derive any of its rows from the row's index. */
export interface DistrictPlan {
  seed: number;
  layout: DistrictLayout;
  calendar: SchoolCalendar;
  lineItemsPerClass: number;
  /** Plausible birth dates per grade number, worked out once rather than per student. */
  birthDates: readonly (readonly string[])[];
}

/**
 * Resolves the options of a synthetic district into its plan.
 *
 * @example
 * planGeneration({ students: 300, seed: 1 }).layout.schools.length; // 3
 */
export function planGeneration(options: DistrictOptions): DistrictPlan {
  const lineItemsPerClass = options.lineItemsPerClass ?? 2;
  if (!Number.isSafeInteger(lineItemsPerClass) || lineItemsPerClass < 0) {
    throw new Error(`lineItemsPerClass must be a whole number, got ${lineItemsPerClass}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be an integer`);
  const schoolYear = options.schoolYear ?? 2026;
  return {
    seed: options.seed >>> 0,
    layout: planDistrict(options.students),
    calendar: schoolCalendar(schoolYear),
    lineItemsPerClass,
    birthDates: birthDateWindows(schoolYear),
  };
}
