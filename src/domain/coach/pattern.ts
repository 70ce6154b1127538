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

/**
 * The word stems a match of a pattern can open with, or null when it can open with anything the stems
 * cannot name (a digit class, a gap, a symbol). A stem is the literal letters a match's first word starts
 * with: "warrant" for `warrant(?:y|ies)`, "end" for `end of`. Over-approximating is safe (a scan runs for
 * nothing); missing a stem is not, so every construct not understood here answers null.
 */
export function openingStems(source: string): Set<string> | null {
  const parsed = openingOfAlternation(source, 0);
  return parsed.end === source.length ? parsed.stems : null;
}

interface Opening {
  /** Null: could open with anything. */
  stems: Set<string> | null;
  /** Whether the part can match the empty string, so what follows it can open the match too. */
  empty: boolean;
  end: number;
}

function union(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null || b === null) return null;
  return new Set([...a, ...b]);
}

function openingOfAlternation(source: string, start: number): Opening {
  let stems: Set<string> | null = new Set();
  let empty = false;
  let index = start;
  for (;;) {
    const branch = openingOfSequence(source, index);
    stems = union(stems, branch.stems);
    empty ||= branch.empty;
    index = branch.end;
    if (source[index] !== '|') return { stems, empty, end: index };
    index++;
  }
}

function openingOfSequence(source: string, start: number): Opening {
  let stems: Set<string> | null = new Set();
  let open = true;
  let index = start;
  while (index < source.length && source[index] !== '|' && source[index] !== ')') {
    const element = openingOfElement(source, index);
    if (open) {
      stems = union(stems, element.stems);
      open = element.empty;
    }
    index = element.end;
  }
  return { stems, empty: open, end: index };
}

const QUANTIFIER = /^(?:[?*]|\{0(?:,\d*)?\})\??/;
const REQUIRED_QUANTIFIER = /^(?:\+|\{[1-9]\d*(?:,\d*)?\})\??/;

/** One element and its quantifier. */
function openingOfElement(source: string, start: number): Opening {
  const char = source[start] ?? '';
  let inner: Opening;
  if (char === '(') {
    const head = /^\((?:\?:|\?<?[=!]|(?!\?))/.exec(source.slice(start));
    if (!head) return { stems: null, empty: false, end: source.length + 1 };
    const lookaround = head[0].length > 1 && head[0] !== '(?:';
    const body = openingOfAlternation(source, start + head[0].length);
    if (source[body.end] !== ')') return { stems: null, empty: false, end: source.length + 1 };
    // A lookaround consumes nothing: the match opens with what follows it.
    inner = lookaround
      ? { stems: new Set(), empty: true, end: body.end + 1 }
      : { ...body, end: body.end + 1 };
  } else if (/[a-z0-9]/.test(char)) {
    let end = start;
    while (end < source.length && /[a-z0-9]/.test(source[end] ?? '')) end++;
    // A quantifier binds to the last letter alone ("backups?"): the stem stops before it.
    const quantified = QUANTIFIER.test(source.slice(end)) || REQUIRED_QUANTIFIER.test(source.slice(end));
    const stem = source.slice(start, quantified ? end - 1 : end);
    if (stem === '') return { stems: null, empty: false, end: skipQuantifier(source, end) };
    return { stems: new Set([stem]), empty: false, end: quantified ? skipQuantifier(source, end) : end };
  } else if (char === '[') {
    const end = endOfClass(source, start);
    inner = { stems: charactersOfClass(source.slice(start + 1, end - 1)), empty: false, end };
  } else if (char === '\\') {
    inner = { stems: source[start + 1] === 'd' ? new Set(DIGITS) : null, empty: false, end: start + 2 };
  } else if (char === '^' || char === '$') {
    return { stems: new Set(), empty: true, end: start + 1 };
  } else {
    inner = { stems: null, empty: false, end: start + 1 };
  }
  const rest = source.slice(inner.end);
  const optional = QUANTIFIER.exec(rest);
  if (optional) return { stems: inner.stems, empty: true, end: inner.end + optional[0].length };
  const required = REQUIRED_QUANTIFIER.exec(rest);
  return required ? { ...inner, end: inner.end + required[0].length } : inner;
}

function skipQuantifier(source: string, index: number): number {
  const found = QUANTIFIER.exec(source.slice(index)) ?? REQUIRED_QUANTIFIER.exec(source.slice(index));
  return index + (found?.[0].length ?? 0);
}

const DIGITS = '0123456789'.split('');

/** The characters a class like `[$€£]` or `[1-4]` stands for, each its own stem; null for a negated class. */
function charactersOfClass(body: string): Set<string> | null {
  if (body.startsWith('^') || body.includes('\\')) return null;
  const characters = new Set<string>();
  for (let index = 0; index < body.length; index++) {
    const from = body.charCodeAt(index);
    if (body[index + 1] === '-' && index + 2 < body.length) {
      const to = body.charCodeAt(index + 2);
      for (let code = from; code <= to; code++) characters.add(String.fromCharCode(code));
      index += 2;
    } else {
      characters.add(body[index] ?? '');
    }
  }
  return characters;
}

function endOfClass(source: string, start: number): number {
  let index = start + 1;
  if (source[index] === '^') index++;
  if (source[index] === ']') index++;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}

const EDGE = '(?<![a-z0-9])';

/**
 * Scans of joined patterns (see `joinedByKey`) that only look where one of their patterns can open: at
 * the words that start with one of its opening stems. A judgement used to run every scan over the whole
 * plan, and most scans cannot match most plans; the matches found are the same, in the same order.
 */
export class GatedScans<K> {
  private readonly scans: Array<{ key: K; anywhere: RegExp; here: RegExp; gated: boolean }>;
  /**
   * Opening stems by the char codes of their first two letters (`first * 65536 + second`; a one-letter stem
   * under its own code), with their scans.
   */
  private readonly stemsByPrefix = new Map<number, Array<readonly [string, number]>>();

  constructor(rules: ReadonlyArray<readonly [K, RegExp]>) {
    const joined = joinedByKey(rules);
    const keys = joined.map(([key]) => key);
    const stemsOfScan = keys.map((): Set<string> | null => new Set());
    for (const [key, pattern] of rules) {
      const scan = keys.indexOf(key);
      // Only a pattern that opens on a word edge opens at a word start.
      const stems = pattern.source.startsWith(EDGE) ? openingStems(pattern.source) : null;
      const known = stemsOfScan[scan];
      stemsOfScan[scan] = stems && known ? new Set([...known, ...stems]) : null;
    }
    this.scans = joined.map(([key, pattern], scan) => ({
      key,
      anywhere: pattern,
      here: new RegExp(pattern.source, 'y'),
      gated: stemsOfScan[scan] !== null,
    }));
    stemsOfScan.forEach((stems, scan) => {
      for (const stem of stems ?? []) {
        const prefix =
          stem.length === 1 ? stem.charCodeAt(0) : stem.charCodeAt(0) * 65536 + stem.charCodeAt(1);
        const bucket = this.stemsByPrefix.get(prefix) ?? [];
        bucket.push([stem, scan]);
        this.stemsByPrefix.set(prefix, bucket);
      }
    });
  }

  /** Every scan with its matches in `text`, in the scans' order; scans without a match are left out. */
  matchesIn(text: string): Array<readonly [K, PatternMatch[]]> {
    // Where each gated scan may match: the starts of the words that begin with one of its stems.
    const starts: Array<number[] | undefined> = new Array(this.scans.length);
    let index = 0;
    while (index < text.length) {
      const first = text.charCodeAt(index);
      if (!isWordCode(first)) {
        // A pattern may open with a symbol ("$5k off"): the symbol is a one-letter word of its own.
        this.collect(starts, text, index, first);
        index++;
        continue;
      }
      this.collect(starts, text, index, first);
      const second = text.charCodeAt(index + 1);
      if (isWordCode(second)) this.collect(starts, text, index, first * 65536 + second);
      index++;
      while (index < text.length && isWordCode(text.charCodeAt(index))) index++;
    }
    const found: Array<readonly [K, PatternMatch[]]> = [];
    this.scans.forEach((scan, scanIndex) => {
      const at = starts[scanIndex];
      if (scan.gated && !at) return;
      const matches = at ? matchesAt(scan.here, text, at) : matchesOf(scan.anywhere, text);
      if (matches.length > 0) found.push([scan.key, matches]);
    });
    return found;
  }

  /** Stems are letters and digits (or one symbol), so a stem found at `at` lies within the word there. */
  private collect(starts: Array<number[] | undefined>, text: string, at: number, prefix: number): void {
    const bucket = this.stemsByPrefix.get(prefix);
    if (!bucket) return;
    for (const [stem, scan] of bucket) {
      if (!text.startsWith(stem, at)) continue;
      const list = starts[scan];
      if (!list) starts[scan] = [at];
      // A word opening a scan through two stems is one place to look.
      else if (list[list.length - 1] !== at) list.push(at);
    }
  }
}

/** a-z and 0-9: the characters of a word in canonical text. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** The matches of a sticky pattern tried at each of `starts` (ascending), as a global scan would find them. */
function matchesAt(pattern: RegExp, text: string, starts: readonly number[]): PatternMatch[] {
  const found: PatternMatch[] = [];
  let after = 0;
  for (const start of starts) {
    if (start < after) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    found.push({ index: match.index, text: match[0].trim() });
    after = match.index + Math.max(match[0].length, 1);
  }
  return found;
}
