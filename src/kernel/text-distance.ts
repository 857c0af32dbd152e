/**
 * Edit distance (insertions, deletions, substitutions) between two strings.
 *
 * @example
 * editDistance("prefferedGivenName", "preferredGivenName"); // 2
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate a person most plausibly meant: same letters in another case first, else the
 * nearest by edit distance when it is close enough to be a typo (a fifth of the length, at least 2).
 *
 * @example
 * closestName("dataLastModified", ["status", "dateLastModified"]); // "dateLastModified"
 * closestName("grade", ["title"]); // undefined
 */
export function closestName(written: string, candidates: Iterable<string>): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(written.length / 5)) + 1;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
