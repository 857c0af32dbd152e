import { writeGeneratedDistrict } from "../../generate/index.ts";
import { parseCommand } from "../args.ts";
import { createProgress } from "../progress.ts";
import { CliError } from "../runtime.ts";

const USAGE = "tsa-gateway generate <out.zip> --students <n> [--seed <s>]";

const wholeNumber = (value: string | undefined, flag: string, fallback?: number): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`${flag} needs a whole number of at least 1.\nUsage: ${USAGE}`);
  return n;
};

/** Streams a deterministic synthetic district to a OneRoster 1.2 bulk package. */
export async function generateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    { students: { type: "string" }, seed: { type: "string" } },
    USAGE,
  );
  const out = positionals[0];
  if (!out) throw new CliError(`Missing the output path.\nUsage: ${USAGE}`);
  const students = wholeNumber(values.students, "--students");
  const seed = wholeNumber(values.seed, "--seed", 1);
  const progress = createProgress("rows");
  const counts = await writeGeneratedDistrict(out, {
    students,
    seed,
    onProgress: (p) => progress.update(p.totalRows, `${p.file}.csv`),
  });
  progress.stop();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  console.error(
    `Wrote ${out}: ${total} rows (${counts.users} users, ${counts.enrollments} enrollments).`,
  );
}
