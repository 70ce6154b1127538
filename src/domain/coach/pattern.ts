/**
 * A tiny pattern language over canonical plan text (see normalise.ts): `_N` stands for up to N filler
 * words that never cross a sentence break, so "warranty on their two servers expires" still reads as one
 * phrase while "... warranty. Next month it expires" does not.
 */

// Any token but the lone "." that marks a sentence break.
const FILLER = '(?:[^ .][^ ]* |\\.[^ ]+ )';

/** Compiles a pattern written with `_N` gaps into a global regular expression anchored on word edges. */
export function phrase(source: string): RegExp {
  // The space before a gap belongs to the pattern ("a _2 b"); after an optional group ending in a space
  // ("(?:in )?_3 b") there is none to add.
  const expanded = source.replace(
    /( ?)_(\d) ?/g,
    (_, space: string, n: string) => `${space}${FILLER}{0,${n}}`,
  );
  return new RegExp(`(?<![a-z0-9])(?:${expanded})(?![a-z0-9])`, 'g');
}

/**
 * The whole words a set of patterns is written with, for typo correction. Stems and fragments
 * ("terminat" of `terminat\\w*`, "finali" of `finali[sz]ed`) are left out: correcting "terminal" into
 * "terminat" would make a contract end where there is none.
 */
export function keywordsOf(patterns: readonly RegExp[]): string[] {
  const words = new Set<string>();
  for (const pattern of patterns) {
    const plain = pattern.source.replace(/\[[^\]]*\]/g, '[');
    for (const [, word = '', optional] of plain.matchAll(/(?<![a-z])([a-z]{4,})(?![a-z[(]|\\w)(\?)?/g)) {
      // "backups?" is "backup" and "backups".
      words.add(word);
      if (optional && word.length > 4) words.add(word.slice(0, -1));
    }
  }
  return [...words];
}

/**
 * Joins the patterns that share a key into one alternation, so the text is scanned once per key instead of
 * once per pattern: the scans, not the patterns, are what a plan's judgement costs. Keys keep their first
 * order. Overlapping matches of two joined patterns are found once, at the leftmost start.
 */
export function joinedByKey<K>(rules: ReadonlyArray<readonly [K, RegExp]>): Array<readonly [K, RegExp]> {
  const sources = new Map<K, string[]>();
  for (const [key, pattern] of rules) {
    const list = sources.get(key) ?? [];
    list.push(pattern.source);
    sources.set(key, list);
  }
  // Every phrase opens on the same word edge: test it once, not once per joined pattern.
  const edge = '(?<![a-z0-9])';
  return [...sources].map(([key, list]) => {
    const source = list.every((item) => item.startsWith(edge))
      ? `${edge}(?:${list.map((item) => item.slice(edge.length)).join('|')})`
      : list.join('|');
    return [key, new RegExp(source, 'g')] as const;
  });
}

export interface PatternMatch {
  index: number;
  text: string;
}

/** Every match of a pattern in the text. */
export function matchesOf(pattern: RegExp, text: string): PatternMatch[] {
  const found: PatternMatch[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push({ index: match.index, text: match[0].trim() });
    if (match[0] === '') pattern.lastIndex++;
  }
  return found;
}
