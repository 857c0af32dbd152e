import { SCORE_STATUSES } from "../kernel/vocabulary.ts";
import { code, date, flag, float, text } from "./field.ts";

/** The score fields results and assessment results share, in wire order. */
export const SCORE_FIELDS = {
  score: float(),
  textScore: text(),
  scoreDate: date({ required: true }),
  scoreStatus: code(SCORE_STATUSES, { required: true }),
  comment: text(),
};

/** The flags results and assessment results share, in wire order (after the objectives). */
export const SCORE_FLAGS = {
  inProgress: flag(),
  incomplete: flag(),
  late: flag(),
  missing: flag(),
};
