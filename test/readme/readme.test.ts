import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.ts";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

interface Line {
  number: number;
  text: string;
}

/** The README's lines outside fenced code blocks, numbered from 1. */
function proseLines(markdown: string): Line[] {
  let fenced = false;
  return markdown.split("\n").flatMap((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ number: index + 1, text }];
  });
}

const isRow = (text: string) => text.trimStart().startsWith("|");
const isSeparator = (text: string) => /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(text);
/** Cells of a row; `\|` is a pipe inside a cell. */
const cellCount = (text: string) => text.trim().replace(/\\\|/g, "").split("|").length - 2;

/**
 * Rows that GitHub would show as literal pipes: a row after a blank line (or any other line)
 * that is not a table's header, a header without its separator, or a row whose cell count
 * differs from its header's.
 */
function tableProblems(markdown: string): string[] {
  const lines = proseLines(markdown);
  const problems: string[] = [];
  let header: number | undefined;
  lines.forEach((line, i) => {
    if (!isRow(line.text)) {
      header = undefined;
      return;
    }
    const previous = lines[i - 1];
    const inTable = header !== undefined && previous?.number === line.number - 1;
    if (!inTable) {
      const next = lines[i + 1];
      if (!next || next.number !== line.number + 1 || !isSeparator(next.text)) {
        problems.push(`line ${line.number}: a table row outside a table: ${line.text}`);
        return;
      }
      header = cellCount(line.text);
      return;
    }
    if (cellCount(line.text) !== header) {
      problems.push(`line ${line.number}: ${cellCount(line.text)} cells, the header has ${header}`);
    }
  });
  return problems;
}

/**
 * Every `tsa-gateway <command> …` the README shows (after `npx`, a backtick or at a line's
 * start; Hyperdrive's config of the same name is no command), with the flags given to it.
 */
function commandProblems(markdown: string): string[] {
  const problems: string[] = [];
  markdown.split("\n").forEach((text, index) => {
    for (const match of text.matchAll(/(?:^|npx |`)tsa-gateway ([^`#;&()]*)/g)) {
      // Up to the end of the command: an unescaped pipe, a backtick, a comment or a sentence.
      const words =
        (match[1] ?? "")
          .split(/(?<!\\)\||\s[>$]\s/)[0]
          ?.trim()
          .split(/\s+/) ?? [];
      const [name, second] = words;
      const where = `line ${index + 1}: tsa-gateway ${words.join(" ")}`;
      const command = COMMANDS.find((candidate) => candidate.name === name);
      if (!command) {
        problems.push(`${where}: no command '${name}'`);
        continue;
      }
      if (command.subcommands.length > 0 && !command.subcommands.includes(second ?? "")) {
        problems.push(`${where}: '${name}' has no subcommand '${second}'`);
      }
      for (const word of words) {
        const flag = word.replace(/^\[+/, "").replace(/[\]=].*$/, "");
        if (flag.startsWith("--") && !command.flags.includes(flag) && flag !== "--help") {
          problems.push(`${where}: '${name}' has no option ${flag}`);
        }
      }
    }
  });
  return problems;
}

describe("README.md", () => {
  it("renders every table: no row outside a table, every row as wide as its header", () => {
    expect(tableProblems(README)).toEqual([]);
  });

  it("names only commands, subcommands and options the CLI's command table knows", () => {
    expect(README).toMatch(/tsa-gateway demo/);
    expect(commandProblems(README)).toEqual([]);
  });

  it("starts with the two quick-start commands", () => {
    const firstBlock = README.match(/```sh\n([\s\S]*?)```/)?.[1];
    expect(firstBlock).toBe("npm install && npx tsa-gateway demo\nnpm test\n");
  });

  it("catches a blank line inside a table and a command the CLI does not know", () => {
    const broken = "| A | B |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n";
    expect(tableProblems(broken)).toEqual(["line 5: a table row outside a table: | 3 | 4 |"]);
    expect(tableProblems("| A | B |\n|---|---|\n| 1 | 2 | 3 |\n")).toEqual([
      "line 3: 3 cells, the header has 2",
    ]);
    expect(
      commandProblems("Run `npx tsa-gateway serv` or `npx tsa-gateway import x --tennant a`."),
    ).toEqual([
      "line 1: tsa-gateway serv: no command 'serv'",
      "line 1: tsa-gateway import x --tennant a: 'import' has no option --tennant",
    ]);
    expect(commandProblems("npx tsa-gateway clients craete --tenant a")).toEqual([
      "line 1: tsa-gateway clients craete --tenant a: 'clients' has no subcommand 'craete'",
    ]);
  });
});
