/**
 * Invisible control characters: C0 and DEL, except tab (left to each column's format: trimmed,
 * or refused in identifiers) and CR and LF (which have rules of their own). PostgreSQL cannot
 * store NUL in text or JSON at all, a terminal obeys ESC, and none of them is meant in a roster.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_ALL = new RegExp(CONTROL.source, "g");

const NAMES: Record<number, string> = { 0: "NUL", 27: "ESC", 127: "DEL" };

/**
 * The first control character of a text and where it is (1-based), named as a person can search
 * for it in an editor; undefined when there is none.
 *
 * @example
 * findControlCharacter("a\u0000b"); // { name: "U+0000 (NUL)", position: 2 }
 */
export function findControlCharacter(text: string): { name: string; position: number } | undefined {
  const found = CONTROL.exec(text);
  if (found === null) return undefined;
  const code = found[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[code];
  return { name: name === undefined ? hex : `${hex} (${name})`, position: found.index + 1 };
}

/**
 * The text with each control character shown as its Unicode control picture (NUL as ␀), so that
 * a report quoting a bad file can be stored as JSON and printed on a terminal safely.
 *
 * @example
 * printable("s\u0000o"); // "s␀o"
 */
export function printable(text: string): string {
  return text.replace(CONTROL_ALL, (c) =>
    String.fromCharCode(c === "\u007F" ? 0x2421 : 0x2400 + c.charCodeAt(0)),
  );
}
