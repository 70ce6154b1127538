/**
 * Maps a misspelt token to the keyword it was meant to be ("chekcing" -> "checking", "warrnaty" ->
 * "warranty"), so the cliché and value patterns keep working on how reps really type. Corrections are
 * conservative: short words only forgive a swapped pair, the first letter must match, and frequent English
 * words are never "corrected" into keywords ("lunch" must not become "launch").
 */

const NEVER_CORRECT = new Set(
  `about above after again along also always another any are around back been before being below best
  better both call calls came case come could does done down each even every find first from gave give
  going good great have here hope into just keep kind know last late later latest least less like line
  little look lunch made make many mind more most much must need never next nice once only other ours over
  part plan pleased quite ready really right said same seen send sent should show since some soon still
  such sure take than thank thanks that their them then there these they thing things think this those
  though three through time told took turn very want wants week well went were what when where which while
  whom will with within without work would year years your yours whose weeks month months check chose
  close cost costs date days deal deals demo email emails hours issue lease lines meet model note notes
  offer order plans press price prices rate rates sale sales share shows state stock store team terms test
  tests text trial users value views visit wait walk ways words start stand stands place plant print spend
  spent sense owner power`
    .split(/\s+/)
    .filter(Boolean),
);

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [first, second] = diff;
  return (
    diff.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Keys next to each other on a QWERTY keyboard, the row above and below included. */
function adjacentKeys(a: string, b: string): boolean {
  const row = KEYBOARD_ROWS.findIndex((keys) => keys.includes(a));
  const other = KEYBOARD_ROWS.findIndex((keys) => keys.includes(b));
  if (row < 0 || other < 0 || Math.abs(row - other) > 1) return false;
  return Math.abs((KEYBOARD_ROWS[row] ?? '').indexOf(a) - (KEYBOARD_ROWS[other] ?? '').indexOf(b)) <= 1;
}

/** Whether `short` is `long` with letters dropped (a typo of missing or doubled letters). */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/**
 * Whether `token` reads as a slip of the keyboard for `word` rather than as another real word: a swap of
 * neighbouring letters, a letter dropped or doubled inside the word, or a letter replaced by a neighbouring
 * key. Two real words are usually apart in other ways, which are therefore never corrected: a different
 * ending or two more letters make another form of the word ("connects"/"connect"/"connectors",
 * "warrant"/"warranty"), and one vowel for another another word ("chucking"/"checking"); nor is "remote"
 * "remove".
 */
function isPlausibleTypo(token: string, word: string): boolean {
  if (token.length !== word.length) {
    if (Math.abs(token.length - word.length) > 1 || token[token.length - 1] !== word[word.length - 1])
      return false;
    return token.length < word.length ? isSubsequence(token, word) : isSubsequence(word, token);
  }
  if (isSwap(token, word)) return true;
  for (let i = 0; i < token.length; i++) {
    const a = token[i] ?? '';
    const b = word[i] ?? '';
    if (a !== b && !adjacentKeys(a, b)) return false;
  }
  return true;
}

/** How far a token of this length may be from a keyword and still be taken for it. */
function allowedDistance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

const CACHE_LIMIT = 50_000;

/**
 * Builds a pure token corrector: a token may be corrected into one of `targets`, and is left alone when it
 * is one of `known` (every word the patterns use, so "buyer" is never "corrected" into "buyers").
 * Results are memoised, which does not change them.
 */
export function createTypoCorrector(
  targets: Iterable<string>,
  knownWords: Iterable<string>,
): (token: string) => string {
  const known = new Set<string>(knownWords);
  const byLength = new Map<number, string[]>();
  for (const word of new Set(targets)) {
    if (word.length < 4) continue;
    known.add(word);
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const cache = new Map<string, string>();

  function nearest(token: string): string {
    if (token.length === 4) {
      for (const word of byLength.get(4) ?? []) if (isSwap(token, word)) return word;
      return token;
    }
    const limit = allowedDistance(token.length);
    let best = token;
    let bestDistance = limit + 1;
    for (let length = token.length - limit; length <= token.length + limit; length++) {
      for (const word of byLength.get(length) ?? []) {
        // Reps' typos keep the first letter; real words a letter apart often do not ("night" is not "light").
        if (allowedDistance(word.length) === 0 || word[0] !== token[0]) continue;
        const wordLimit = Math.min(limit, allowedDistance(word.length));
        const distance = editDistance(token, word, wordLimit);
        if (distance <= wordLimit && distance < bestDistance && isPlausibleTypo(token, word)) {
          best = word;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  return (token) => {
    if (token.length < 4 || known.has(token) || NEVER_CORRECT.has(token) || /[^a-z]/.test(token))
      return token;
    const cached = cache.get(token);
    if (cached !== undefined) return cached;
    const corrected = nearest(token);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, corrected);
    return corrected;
  };
}
