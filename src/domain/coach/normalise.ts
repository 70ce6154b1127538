/**
 * Turns what a rep typed into one canonical form the pattern modules can read: lower case, no emoji,
 * apostrophes dropped ("they've" -> "theyve"), shorthand expanded ("f/u" -> "follow up", "chk" -> "check",
 * "re" -> "regarding", "w/" -> "with"), typos of keywords corrected, tokens separated by single spaces and
 * sentence breaks kept as a lone "." token so patterns never reach across sentences.
 */

export interface NormalisedPlan {
  /** Canonical text: tokens joined by single spaces, sentence breaks as " . ". */
  text: string;
  tokens: string[];
}

const SHORTHAND: Record<string, string> = {
  fu: 'follow up',
  fup: 'follow up',
  followup: 'follow up',
  followups: 'follow ups',
  chk: 'check',
  chck: 'check',
  chek: 'check',
  checkin: 'check in',
  checkins: 'check ins',
  touchbase: 'touch base',
  circleback: 'circle back',
  re: 'regarding',
  abt: 'about',
  mtg: 'meeting',
  mtgs: 'meetings',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tomo: 'tomorrow',
  nxt: 'next',
  wk: 'week',
  wks: 'weeks',
  mo: 'month',
  mth: 'month',
  mnth: 'month',
  mos: 'months',
  pls: 'please',
  plz: 'please',
  bc: 'because',
  cuz: 'because',
  thx: 'thanks',
  u: 'you',
  ur: 'your',
  r: 'are',
  yr: 'year',
  yrs: 'years',
  msg: 'message',
  vm: 'voicemail',
  vms: 'voicemails',
  em: 'them',
  ppl: 'people',
  eod: 'end of day',
  eow: 'end of week',
  eom: 'end of month',
  eoq: 'end of quarter',
  thru: 'through',
  prop: 'proposal',
  recs: 'recommendations',
  hrs: 'hours',
  mins: 'minutes',
  yest: 'yesterday',
  b4: 'before',
  tues: 'tuesday',
  thurs: 'thursday',
  fri: 'friday',
  mon: 'monday',
  ck: 'check',
  tb: 'touch base',
  cb: 'call back',
  lmk: 'let me know',
  asap: 'as soon as possible',
  w: 'with',
  wo: 'without',
  info: 'information',
};

const NON_ASCII = /[\u0080-\uffff]/;
/** Every slash or hyphen shorthand holds one of these. */
const SHORTHAND_MARK = /[/:-]/;
const SENTENCE_BREAK = /[.!?;…]+(?=\s|$)|[\r\n]+|\s[-–—]+\s|[()[\]{}|]/g;
const TOKEN = /[\p{L}\p{N}$€£#][\p{L}\p{N}'$€£%#&.,/:-]*|\./gu;

function expandSlashShorthand(text: string): string {
  if (!SHORTHAND_MARK.test(text)) return text;
  return text
    .replace(/\bf\s?\/\s?u\b/g, ' follow up ')
    .replace(/\bw\s?\/\s?o\b/g, ' without ')
    .replace(/\bb\/c\b/g, ' because ')
    .replace(/\bw\/(?=\s|[a-z])/g, ' with ')
    .replace(/\bre:/g, ' regarding ')
    .replace(/\bfollow-ups?\b/g, (match) => match.replace('-', ' '))
    .replace(/\bcheck-ins?\b/g, (match) => match.replace('-', ' '));
}

function cleanToken(raw: string): string {
  // Possessives and contractions lose their apostrophe so patterns need one spelling ("sues", "dont").
  return raw.replace(/['’]/g, '').replace(/[.,/:&-]+$/, '');
}

/** Normalises a plan; `correct` maps a misspelt token to its keyword (identity when there is none). */
export function normalisePlan(raw: string, correct: (token: string) => string): NormalisedPlan {
  // Most plans are plain ASCII, which has no compatibility forms, curly quotes or emoji to clear away.
  const lowered = NON_ASCII.test(raw)
    ? raw
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[‘’`´]/g, "'")
        .replace(/[“”«»"]/g, ' ')
        .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, ' ')
    : raw.toLowerCase().replace(/`/g, "'").replace(/"/g, ' ');
  const separated = expandSlashShorthand(lowered).replace(SENTENCE_BREAK, ' . ');
  const tokens: string[] = [];
  for (const match of separated.matchAll(TOKEN)) {
    const token = match[0] === '.' ? '.' : cleanToken(match[0]);
    if (token === '') continue;
    if (token === '.') {
      if (tokens.length > 0 && tokens[tokens.length - 1] !== '.') tokens.push('.');
      continue;
    }
    const expanded = SHORTHAND[token];
    if (expanded !== undefined) tokens.push(...expanded.split(' '));
    else tokens.push(correct(token));
  }
  if (tokens[tokens.length - 1] === '.') tokens.pop();
  return { text: tokens.join(' '), tokens };
}
