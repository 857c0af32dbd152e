import { writeGeneratedDistrict } from "../../generate/index.ts";
import { requirePositional, SCHOOL_YEAR_OPTION, schoolYearOption, wholeNumber } from "../args.ts";
import { defineCommand } from "../command.ts";
import { checkOutputFile } from "../output-file.ts";
import { createProgress } from "../progress.ts";

const USAGE = {
  name: "generate",
  usage: ["generate <out.zip> --students <n> [--seed <s>] [--school-year <yyyy>]"],
};

/** Streams a deterministic synthetic district to a OneRoster 1.2 bulk package. */
export const generateCommand = defineCommand({
  ...USAGE,
  summary: "write a synthetic district as a OneRoster 1.2 bulk package",
  options: {
    students: { type: "string", value: "<n>", description: "how many students" },
    seed: {
      type: "string",
      value: "<s>",
      description: "any whole number; the same seed and year give the same package (default 1)",
    },
    "school-year": SCHOOL_YEAR_OPTION,
  },
  run: async (values, [outArgument]) => {
    const out = requirePositional(outArgument, "the output path (e.g. district.zip)", USAGE);
    const students = wholeNumber(values.students, "--students", USAGE);
    const seed = wholeNumber(values.seed, "--seed", USAGE, { fallback: 1 });
    const schoolYear = schoolYearOption(values["school-year"], USAGE);
    checkOutputFile(out);
    const progress = createProgress("rows");
    const counts = await writeGeneratedDistrict(out, {
      students,
      seed,
      schoolYear,
      onProgress: (p) => progress.update(p.totalRows, 0, `${p.file}.csv`),
    });
    progress.stop();
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.error(
      `Wrote ${out}: ${total} rows of school year ${schoolYear - 1}-${schoolYear} (${counts.users} users, ${counts.enrollments} enrollments).`,
    );
    return 0;
  },
});
