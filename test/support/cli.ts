import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/tsa-gateway.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsa-gateway <args>` as its own process, as a user would from a shell. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts a long-running command and resolves with its first stdout line. */
export async function startCli(
  args: string[],
  env: Record<string, string>,
): Promise<{
  child: ChildProcess;
  firstLine: string;
  stop: () => Promise<void>;
  /** Everything the process wrote so far, e.g. to check what its logs disclose. */
  output: () => { stdout: string; stderr: string };
}> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout! });
  let stdout = "";
  lines.on("line", (line) => {
    stdout += `${line}\n`;
  });
  const firstLine = await Promise.race([
    once(lines, "line").then(([line]) => String(line)),
    once(child, "exit").then(([code]) => {
      throw new Error(`tsa-gateway ${args.join(" ")} exited with ${code}: ${stderr}`);
    }),
  ]);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
  return { child, firstLine, stop, output: () => ({ stdout, stderr }) };
}
