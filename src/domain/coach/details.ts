/**
 * Concrete details make a weak value signal specific ("new pricing" -> "new pricing, 12% lower from 1 July").
 * Hard details are facts about the value: amounts, quantities, percentages, product or version codes, the
 * prospect's hot button. Soft details only anchor it: dates and times, names, "their" something. A check-in
 * is never made concrete by its date, which is why details alone never make a plan valuable (judge.ts).
 */

export interface ConcreteDetails {
  hard: string[];
  soft: string[];
  /** Lower-cased capitalised names found in the original text. */
  names: Set<string>;
  hotButtonMentioned: boolean;
}

const TIME_UNIT =
  /^(?:am|pm|oclock|h|hr|hrs|hour|hours|min|mins|minute|minutes|day|days|week|weeks|month|months|year|years|quarter|quarters|st|nd|rd|th|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)$/;
const MONTH_OR_DAY =
  /^(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|q[1-4]|h[12]|fy\d{2,4})$/;
const TIME_TOKEN =
  /^(?:\d{1,2}(?::\d{2})?(?:am|pm|h)|\d{1,2}:\d{2}|\d{1,2}(?:st|nd|rd|th)|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:19|20)\d{2})$/;
const DIGIT = /\d/;
const AMOUNT_TOKEN = /^(?:[$€£#]\d|\d[\d,.]*(?:%|k|m|bn|x|usd|eur|gbp)$)/;
const CODE_TOKEN = /^(?=[a-z0-9.-]*[a-z])(?=[a-z0-9.-]*\d)[a-z0-9.-]{2,}$/;
const POSSESSIVE_NOUN =
  / (?:their|his|her|your) (?!own |time|call|thoughts|feedback|mind|decision|answer|schedule|calendar)[a-z]{3,}/;

const FILLER_WORDS = new Set(
  `the and for with about their they them from this that have will would could should what when your into
  over more than just also been were some need needs next call back check follow touch base plan week month
  year time here there make made sure want wanted thing things good great new still like know said`
    .split(/\s+/)
    .filter(Boolean),
);

const NOT_NAMES = new Set(
  `i im ill ive id hi hey hello thanks thank ok okay fyi asap ps re fw fwd eod eow tbd eta am pm
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december mon tue tues wed thu thur thurs fri jan feb mar apr jun jul
  aug sep sept oct nov dec q1 q2 q3 q4 call email send check follow just circle touch ping will need
  then also please note`
    .split(/\s+/)
    .filter(Boolean),
);

const TITLE_ABBREVIATION = /^(?:dr|mr|mrs|ms|capt|prof|st|sr|jr)$/i;

/** Words the rep capitalised mid-sentence: likely people, companies, products, regulations. */
function capitalisedNames(original: string): Set<string> {
  const names = new Set<string>();
  // Most plans are typed in lower case: nothing to find, and the scans below are the costly part.
  if (original === original.toLowerCase()) return names;
  const letters = original.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  // Shouted or Title-Cased text carries no signal in its capitals.
  if (letters.length === 0 || upper.length / letters.length > 0.5) return names;
  const words = original.match(/[\p{L}][\p{L}\p{N}'’&-]*|[.!?\n]/gu) ?? [];
  let sentenceStart = true;
  let titled = 0;
  let total = 0;
  const candidates: string[] = [];
  let previous = '';
  for (const word of words) {
    if (/^[.!?\n]$/.test(word)) {
      // "Dr. Ito" and "Capt. Morales": the period of a title does not end the sentence.
      sentenceStart = !(word === '.' && TITLE_ABBREVIATION.test(previous));
      previous = word;
      continue;
    }
    previous = word;
    total++;
    if (/^\p{Lu}/u.test(word)) {
      titled++;
      const lower = word
        .toLowerCase()
        .replace(/['’]s?$/, '')
        .replace(/['’]/g, '');
      if (!sentenceStart && !NOT_NAMES.has(lower)) candidates.push(lower);
    }
    sentenceStart = false;
  }
  if (total >= 6 && titled / total > 0.6) return names;
  for (const candidate of candidates) names.add(candidate);
  return names;
}

function hotButtonWords(hotButton: string): string[] {
  return hotButton
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4 && !FILLER_WORDS.has(word))
    .map((word) => word.slice(0, 5));
}

/** Finds the concrete details of a plan: `original` as typed, `tokens` its canonical tokens. */
export function findConcreteDetails(
  original: string,
  tokens: readonly string[],
  hotButton: string | null | undefined,
): ConcreteDetails {
  const hard: string[] = [];
  const soft: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (MONTH_OR_DAY.test(token)) {
      soft.push(token);
      continue;
    }
    // Every other detail holds a digit; most words do not, and this runs for every word of every plan.
    if (!DIGIT.test(token)) continue;
    if (TIME_TOKEN.test(token)) {
      soft.push(token);
    } else if (AMOUNT_TOKEN.test(token)) {
      hard.push(token);
    } else if (/^\d+(?:\.\d+)?$/.test(token)) {
      const next = tokens[i + 1] ?? '';
      const previous = tokens[i - 1] ?? '';
      if (TIME_UNIT.test(next) || MONTH_OR_DAY.test(previous) || /^(?:at|by|around)$/.test(previous))
        soft.push(token);
      else hard.push(`${token} ${next}`.trim());
    } else if (CODE_TOKEN.test(token) && !/^(?:q[1-4]|h[12]|fy\d+|\d+(?:st|nd|rd|th))$/.test(token)) {
      hard.push(token);
    }
  }
  const names = capitalisedNames(original);
  if (names.size > 0) soft.push(...names);
  const canonical = ` ${tokens.join(' ')}`;
  const possessive = POSSESSIVE_NOUN.exec(canonical);
  if (possessive) soft.push(possessive[0].trim());
  let hotButtonMentioned = false;
  if (hotButton) {
    const wanted = hotButtonWords(hotButton);
    hotButtonMentioned =
      wanted.length > 0 && tokens.some((token) => wanted.some((stem) => token.startsWith(stem)));
    if (hotButtonMentioned) hard.push(hotButton);
  }
  return { hard, soft, names, hotButtonMentioned };
}
