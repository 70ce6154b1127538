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
  return new RegExp(`${EDGE}(?:${expanded})(?![a-z0-9])`, 'g');
}

/** The word edge every phrase opens on: no letter or digit before it. */
const EDGE = '(?<![a-z0-9])';

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
  return [...sources].map(([key, list]) => {
    const source = list.every((item) => item.startsWith(EDGE))
      ? `${EDGE}(?:${list.map((item) => item.slice(EDGE.length)).join('|')})`
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
 * What the gated scans need to know of a pattern, read from its source: a small parse into alternations,
 * sequences and atoms. Every construct not understood here reads as "could be anything", which only ever
 * makes a scan run for nothing, never miss a match.
 */
type Atom =
  | { kind: 'group'; branches: Item[][] }
  | { kind: 'zero-width' }
  /** Letters and digits; `stem` leaves out a last letter made optional ("backups?" -> "backup"). */
  | { kind: 'word'; stem: string }
  /** One character out of these (a class like `[$€£]`, or `\d`); null: too many to name. */
  | { kind: 'character'; characters: Set<string> | null }
  | { kind: 'space' };

interface Item {
  atom: Atom;
  /** Quantified so that it may match nothing (`?`, `*`, `{0,n}`). */
  optional: boolean;
}

/** Set by a construct outside this small grammar: the caller treats the pattern as opaque. */
class Unreadable extends Error {}

function parseAlternation(source: string, state: { index: number }): Item[][] {
  const branches: Item[][] = [parseSequence(source, state)];
  while (source[state.index] === '|') {
    state.index++;
    branches.push(parseSequence(source, state));
  }
  return branches;
}

function parseSequence(source: string, state: { index: number }): Item[] {
  const items: Item[] = [];
  while (state.index < source.length && source[state.index] !== '|' && source[state.index] !== ')') {
    const atom = parseAtom(source, state);
    const rest = source.slice(state.index);
    const optional = OPTIONAL_QUANTIFIER.exec(rest);
    const quantifier = optional ?? REQUIRED_QUANTIFIER.exec(rest);
    state.index += quantifier?.[0].length ?? 0;
    items.push({ atom, optional: optional !== null });
  }
  return items;
}

/** `?`, `*`, `{0,n}`: the item may match nothing. */
const OPTIONAL_QUANTIFIER = /^(?:[?*]|\{0(?:,\d*)?\})\??/;
/** `+`, `{n}`, `{n,m}` with n >= 1. */
const REQUIRED_QUANTIFIER = /^(?:\+|\{[1-9]\d*(?:,\d*)?\})\??/;

function parseAtom(source: string, state: { index: number }): Atom {
  const start = state.index;
  const char = source[start] ?? '';
  if (char === '(') {
    const head = /^\((?:\?:|\?<?[=!]|(?!\?))/.exec(source.slice(start));
    if (!head) throw new Unreadable();
    state.index += head[0].length;
    const branches = parseAlternation(source, state);
    if (source[state.index] !== ')') throw new Unreadable();
    state.index++;
    const lookaround = head[0].length > 1 && head[0] !== '(?:';
    return lookaround ? { kind: 'zero-width' } : { kind: 'group', branches };
  }
  if (/[a-z0-9]/.test(char)) {
    let end = start;
    while (end < source.length && /[a-z0-9]/.test(source[end] ?? '')) end++;
    // A quantifier binds to the last letter alone: it becomes an atom of its own.
    const quantified = /^[?*+{]/.test(source[end] ?? '') && end - start > 1;
    state.index = quantified ? end - 1 : end;
    return { kind: 'word', stem: source.slice(start, state.index) };
  }
  if (char === '[') {
    let end = start + 1;
    if (source[end] === '^') end++;
    if (source[end] === ']') end++;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    state.index = end + 1;
    return { kind: 'character', characters: charactersOfClass(source.slice(start + 1, end)) };
  }
  state.index = start + (char === '\\' ? 2 : 1);
  if (char === '\\')
    return { kind: 'character', characters: source[start + 1] === 'd' ? new Set(DIGITS) : null };
  if (char === '^' || char === '$') return { kind: 'zero-width' };
  if (char === ' ') return { kind: 'space' };
  return { kind: 'character', characters: char === '.' ? null : new Set([char]) };
}

const DIGITS = '0123456789'.split('');

/** The characters a class like `[$€£]` or `[1-4]` stands for; null for a negated class or an escape. */
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

function parsePattern(source: string): Item[][] | null {
  try {
    const state = { index: 0 };
    const branches = parseAlternation(source, state);
    return state.index === source.length ? branches : null;
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}

function union(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  return a === null || b === null ? null : new Set([...a, ...b]);
}

/** The stems a match of these branches opens with, and whether a branch can match nothing. */
function openingOf(branches: Item[][]): { stems: Set<string> | null; empty: boolean } {
  let stems: Set<string> | null = new Set();
  let empty = false;
  for (const items of branches) {
    let open = true;
    for (const { atom, optional } of items) {
      const first = atomOpening(atom);
      stems = union(stems, first.stems);
      if (!optional && !first.empty) {
        open = false;
        break;
      }
    }
    empty ||= open;
  }
  return { stems, empty };
}

function atomOpening(atom: Atom): { stems: Set<string> | null; empty: boolean } {
  switch (atom.kind) {
    case 'group':
      return openingOf(atom.branches);
    case 'zero-width':
      return { stems: new Set(), empty: true };
    case 'word':
      return { stems: new Set([atom.stem]), empty: false };
    case 'character':
      return { stems: atom.characters, empty: false };
    case 'space':
      return { stems: null, empty: false };
  }
}

/**
 * Stems of which a match must hold one at the start of a word, wherever it is in the match; null when no
 * part of every branch can be named. Of several candidates the one with the longest shortest stem wins:
 * "concerns" is rarer in a plan than "their".
 */
function requiredOf(branches: Item[][], atWordStart: boolean): Set<string> | null {
  let required: Set<string> | null = new Set();
  for (const items of branches) required = union(required, requiredOfSequence(items, atWordStart));
  return required;
}

function requiredOfSequence(items: Item[], atWordStart: boolean): Set<string> | null {
  let best: Set<string> | null = null;
  let bestLength = 0;
  let wordStart = atWordStart;
  for (const { atom, optional } of items) {
    if (!optional) {
      const candidate = requiredOfAtom(atom, wordStart);
      const shortest = candidate ? Math.min(...[...candidate].map((stem) => stem.length)) : 0;
      if (candidate && candidate.size > 0 && shortest > bestLength) {
        best = candidate;
        bestLength = shortest;
      }
    }
    // What follows starts a word when every way through this item ends with a space.
    if (atom.kind !== 'zero-width') wordStart = endsWithSpace(atom) && (wordStart || !optional);
  }
  return best;
}

function endsWithSpace(atom: Atom): boolean {
  if (atom.kind === 'space') return true;
  if (atom.kind !== 'group') return false;
  return atom.branches.every((items) => {
    const last = items.filter((item) => item.atom.kind !== 'zero-width').at(-1);
    return last !== undefined && !last.optional && endsWithSpace(last.atom);
  });
}

function requiredOfAtom(atom: Atom, atWordStart: boolean): Set<string> | null {
  if (atom.kind === 'group') return requiredOf(atom.branches, atWordStart);
  if (!atWordStart) return null;
  if (atom.kind === 'word') return new Set([atom.stem]);
  if (atom.kind === 'character') return atom.characters;
  return null;
}

/**
 * The word stems a match of a pattern can open with, or null when it can open with anything the stems
 * cannot name (a gap, any letter). A stem is the literal letters a match's first word starts with:
 * "warrant" for `warrant(?:y|ies)`, "end" for `end of`.
 */
export function openingStems(source: string): Set<string> | null {
  const branches = parsePattern(source);
  return branches ? openingOf(branches).stems : null;
}

/** Stems one of which a match of an edge-anchored pattern holds at the start of a word (see requiredOf). */
export function requiredStems(source: string): Set<string> | null {
  const branches = parsePattern(source);
  return branches ? requiredOf(branches, true) : null;
}

/**
 * Scans of joined patterns (see `joinedByKey`) that only look where one of their patterns can open: at
 * the words that start with one of its opening stems. A judgement used to run every scan over the whole
 * plan, and most scans cannot match most plans; the matches found are the same, in the same order.
 */
export class GatedScans<K> {
  private readonly scans: Array<{
    key: K;
    anywhere: RegExp;
    here: RegExp;
    /** Tried only where one of its opening stems starts a word. */
    gated: boolean;
    /** Skipped unless one of its required stems starts a word somewhere in the text. */
    needsWord: boolean;
  }>;
  /**
   * Stems by the char codes of their first two letters (`first * 65536 + second`; a one-letter stem under
   * its own code), each with its scan and whether it opens the scan's matches or is a word they require.
   */
  private readonly stemsByPrefix = new Map<number, Array<readonly [string, number, 'opens' | 'required']>>();

  constructor(rules: ReadonlyArray<readonly [K, RegExp]>) {
    const joined = joinedByKey(rules);
    const keys = joined.map(([key]) => key);
    const opening = keys.map((): Set<string> | null => new Set());
    const required = keys.map((): Set<string> | null => new Set());
    for (const [key, pattern] of rules) {
      const scan = keys.indexOf(key);
      // Only a pattern that opens on a word edge is read: its words line up with the text's.
      const edged = pattern.source.startsWith(EDGE);
      opening[scan] = union(opening[scan] ?? null, edged ? openingStems(pattern.source) : null);
      required[scan] = union(required[scan] ?? null, edged ? requiredStems(pattern.source) : null);
    }
    this.scans = joined.map(([key, pattern], scan) => ({
      key,
      anywhere: pattern,
      here: new RegExp(pattern.source, 'y'),
      gated: opening[scan] !== null,
      needsWord: required[scan] !== null,
    }));
    const index = (stems: Set<string> | null, scan: number, role: 'opens' | 'required') => {
      for (const stem of stems ?? []) {
        const prefix =
          stem.length === 1 ? stem.charCodeAt(0) : stem.charCodeAt(0) * 65536 + stem.charCodeAt(1);
        const bucket = this.stemsByPrefix.get(prefix) ?? [];
        bucket.push([stem, scan, role]);
        this.stemsByPrefix.set(prefix, bucket);
      }
    };
    for (const [scan, stems] of opening.entries()) index(stems, scan, 'opens');
    for (const [scan, stems] of required.entries()) index(stems, scan, 'required');
  }

  /** Every scan with its matches in `text`, in the scans' order; scans without a match are left out. */
  matchesIn(text: string): Array<readonly [K, PatternMatch[]]> {
    // Where each gated scan may match (the starts of the words that begin with one of its opening stems),
    // and which scans have a word they require.
    const found = {
      starts: new Array<number[] | undefined>(this.scans.length),
      required: new Uint8Array(this.scans.length),
    };
    let index = 0;
    while (index < text.length) {
      const first = text.charCodeAt(index);
      if (!isWordCode(first)) {
        // A pattern may open with a symbol ("$5k off"): the symbol is a one-letter word of its own.
        this.collect(found, text, index, first);
        index++;
        continue;
      }
      this.collect(found, text, index, first);
      const second = text.charCodeAt(index + 1);
      if (isWordCode(second)) this.collect(found, text, index, first * 65536 + second);
      index++;
      while (index < text.length && isWordCode(text.charCodeAt(index))) index++;
    }
    const results: Array<readonly [K, PatternMatch[]]> = [];
    this.scans.forEach((scan, scanIndex) => {
      if (scan.needsWord && found.required[scanIndex] === 0) return;
      const at = found.starts[scanIndex];
      if (scan.gated && !at) return;
      const matches = at ? matchesAt(scan.here, text, at) : matchesOf(scan.anywhere, text);
      if (matches.length > 0) results.push([scan.key, matches]);
    });
    return results;
  }

  /** Stems are letters and digits (or one symbol), so a stem found at `at` lies within the word there. */
  private collect(
    found: { starts: Array<number[] | undefined>; required: Uint8Array },
    text: string,
    at: number,
    prefix: number,
  ): void {
    const bucket = this.stemsByPrefix.get(prefix);
    if (!bucket) return;
    for (const [stem, scan, role] of bucket) {
      if (!text.startsWith(stem, at)) continue;
      if (role === 'required') {
        found.required[scan] = 1;
        continue;
      }
      const list = found.starts[scan];
      if (!list) found.starts[scan] = [at];
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
