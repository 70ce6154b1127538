/**
 * Cliché families from the method: phrases that ask for the prospect's time without giving a reason
 * ("just checking in", "circling back", "since you said next month, calling back", "have you made up your
 * mind"). Each family is a handful of phrase patterns over canonical text, so variants, shorthand and
 * typos (handled in normalise.ts) land in the same family. A cliché alone never decides the verdict: a plan
 * that opens with one and then brings a concrete reason is accepted (see judge.ts).
 */
import { GatedScans, keywordsOf, phrase } from './pattern.js';

export type ClicheFamily =
  | 'check_in'
  | 'circle_back'
  | 'follow_up'
  | 'status_update'
  | 'decision_pressure'
  | 'callback_requested'
  | 'material_check'
  | 'empty_value'
  | 'vague_timing'
  | 'pressure';

export interface ClicheHit {
  family: ClicheFamily;
  /** The words as found, canonical form. */
  text: string;
  index: number;
}

const PRONOUN = '(?:them|him|her|you|they|he|she|the client|the customer|the prospect)';
const MATERIAL =
  '(?:proposal|quote|quotation|email|emails|mail|message|deck|material|materials|information|specs|specifications|brochure|pdf|document|documents|docs|doc|pricing|price list|contract|offer|samples?|case study|link|video|demo|presentation|catalogue|catalog|estimate|slides)';
const WHEN =
  '(?:next|in a|in|after|later|sometime|around|at the end of|end of|early|mid|late|before|by|this|the new year|new year|a few|a couple of|a couple|couple of|couple|two|three|few|\\d+)';
const SPAN =
  '(?:week|weeks|month|months|quarter|quarters|year|days|day|summer|spring|autumn|fall|winter|holidays|while)';

/**
 * Pressure tactics: an ultimatum, someone copied in to press the contact, "should I close your file?" as a
 * question, a decision demanded by a date, a discount offered to close (our quarter, not their reason).
 * The seeds' rule is the opposite: release the pressure.
 */
export const PRESSURE_TACTIC =
  '(?:more |put |putting |puts |apply |applying |add |adding )?pressure on|to pressure|(?:or|otherwise) (?:we|ill|i will|we will|well|it goes|they lose) (?:release|give|lose|cancel|close|drop|offer|go)|(?:should|shall) (?:i|we) (?:just )?(?:go ahead and )?close|(?:have|has|need|needs) to (?:confirm|decide|sign|respond|reply|commit|move|act)(?: [^ .]+){0,4}? (?:today|tomorrow|now|asap|immediately|this week|or)(?: [^ .]+){0,3}|(?:really |urgently )?need to hear back|need (?:a |their |his |her )?(?:decision|signature|commitment|go-ahead|sign-off) (?:by|before|today|this)|(?:discount|offer|off|deal|incentive|sweetener) to close(?! (?:the |a |an |their |his |her |our )(?!deal|sale|order)[a-z])|push (?:them |him |her )?(?:for (?:the |a )?(?:signature|decision|close)|to (?:sign|decide|close))|over the line|fomo|hard cta|(?:should|must|need to) lock in (?:now|today|this week)|more momentum|(?:so|before) the deal (?:doesnt|does not|wont|will not) (?:stall|slip|die)';

const FAMILIES: ReadonlyArray<readonly [ClicheFamily, RegExp]> = [
  [
    'check_in',
    phrase(`(?:just )?(?:check|checks|checking|checked) (?:in|back|up|on|regarding|about|to see|with)`),
  ],
  ['check_in', phrase('(?:touch|touching|touched) base|(?:keep|keeping|stay|staying|get|getting) in touch')],
  [
    'check_in',
    phrase('(?:catch|catching) up|reconnect\\w*|touchpoint|touch point|quick (?:chat|call|sync|catch)'),
  ],
  ['circle_back', phrase('(?:circle|circling|circled|loop|looping|looped) back|revisit\\w*')],
  ['circle_back', phrase(`(?:get|getting|come|coming) back (?:to|on) ${PRONOUN}`)],
  ['follow_up', phrase('(?:follow|following|followed|follows) up')],
  [
    'follow_up',
    phrase(
      `(?:bump|bumping|nudge|nudging|ping|pinging|chase|chasing|poke|poking|prod|prodding)(?: ${PRONOUN}| this| it| again| the thread)?`,
    ),
  ],
  [
    'follow_up',
    phrase(
      `(?:send|sending) (?:a |another )?(?:reminder|nudge|bump|ping)|remind ${PRONOUN}|(?:gentle|friendly|quick|polite|kind|little) reminder|(?:ask|asking|asked) (?:${PRONOUN} )?again|(?:hear|hearing) back`,
    ),
  ],
  ['follow_up', phrase(`(?:my|our|the) (?:last|previous|earlier|prior) ${MATERIAL}|(?:reach|reaching) out`)],
  [
    'follow_up',
    phrase(`(?:call|calling|ring|ringing|try|trying|phone|email) (?:${PRONOUN} )?(?:back|again)`),
  ],
  [
    'status_update',
    phrase(
      '(?:where|how) (?:things|it|its|we|they|the deal|everything|this|matters) (?:are |is )?(?:stand|stands|standing|going|at|sits|sit|progressing|moving|looking)',
    ),
  ],
  [
    'status_update',
    phrase(
      '(?:seeing|see|checking|wondering) (?:if|whether) (?:you|they|he|she)(?:ve| have| has| had)? (?:had )?any (?:more |further )?thoughts|any (?:update|updates|news|progress|movement|word|developments|changes)|(?:status|progress) (?:update|check|report)|(?:temperature|pulse|vibe) check|whats (?:the )?(?:status|latest|new)|see how (?:they|he|she) (?:are|is)|(?:has|have) anything changed|let me know either way|(?:update|close) (?:my|our) records|(?:give|send) (?:me |us )?(?:feedback|an answer|their answer) (?:until|by|before)',
    ),
  ],
  [
    'decision_pressure',
    phrase(
      `made up (?:your|their|his|her) minds?|(?:make|made|reached|any|a) decision|(?:have|has|if|whether) (?:${PRONOUN}) (?:decided|chosen|made)`,
    ),
  ],
  [
    'decision_pressure',
    phrase(
      '(?:ready|able|prepared|willing) to (?:move forward|move ahead|proceed|go ahead|sign|buy|commit|order|close|start|pull the trigger|purchase)|(?:close|closing) (?:the deal|it|this|them)|still interested|still (?:alive|on|happening|a go|a priority)|pull the trigger|break-?up (?:email|mail|note|message)',
    ),
  ],
  [
    'decision_pressure',
    phrase(
      '(?:get|getting) (?:the |a )?(?:signature|signoff|sign off|yes|po|purchase order|green light)|(?:sign|signing) (?:the )?(?:contract|deal|order|paperwork|agreement)',
    ),
  ],
  [
    'callback_requested',
    phrase(
      `(?:since|as|because|like) ${PRONOUN} (?:said|asked|told me|wanted|requested|mentioned)|(?:said|asked|told me|told us) to (?:call|ring|reach|try|check|follow|get back|come back)|as (?:requested|agreed|promised|discussed|asked|planned)`,
    ),
  ],
  [
    'material_check',
    phrase(
      `(?:had|have|get|got|has) (?:a |the )?chance to (?:look|review|read|go|check|digest|see)|(?:see|get|hear|ask|know|find out|learn) what ${PRONOUN} (?:think|thought|make|made|thinks)`,
    ),
  ],
  [
    'material_check',
    phrase(
      `(?:had|have|has|got|get|found|find) (?:the |some |any )?time to (?:consider|look|review|read|think|go|check|digest)|(?:see|ask|find out|check|know|confirm) (?:if|whether) ${PRONOUN} (?:have |has |had )?(?:read|looked|seen|reviewed|received|got|gotten|liked|like|opened|went|gone|digested)`,
    ),
  ],
  [
    'material_check',
    phrase(
      `(?:get|gather|collect|hear|ask for|ask about) (?:their|his|her|your) (?:thoughts|feedback|impressions|reaction|take|opinion|input)|any (?:questions|thoughts|feedback|comments)|(?:did|have|has) ${PRONOUN} (?:read|look|looked|see|seen|review|reviewed|receive|received|get|gotten|open|opened)`,
    ),
  ],
  [
    'empty_value',
    phrase(
      '(?:add|adding|provide|providing|bring|bringing|create|deliver|offer) (?:some |more |real )?value|(?:see|explore|discuss|find out) (?:how|if|whether) we (?:can|could) (?:help|work)|(?:discuss|talk about|go over|explore|review) (?:the |possible |potential )?next steps',
    ),
  ],
  [
    'empty_value',
    phrase(
      '(?:explore|discuss) (?:synergies|opportunities|options|possibilities|a partnership)|pick (?:their|his|her) brains?|(?:keep|keeping|stay|staying) (?:on|top of) (?:their|his|her) (?:radar|mind)|(?:top|front) of mind|(?:anything|something) (?:i|we) can (?:do|help)',
    ),
  ],
  [
    'empty_value',
    phrase(
      '(?:send|sending|shoot|shooting) (?:over |them |him |her )?(?:some |more |additional |further |the |our )?(?:information|info|materials|stuff|brochure|brochures|details|literature|collateral)',
    ),
  ],
  ['vague_timing', phrase(`${WHEN} ${SPAN}|later|soon|sometime|eventually|at some point`)],
  ['pressure', phrase(PRESSURE_TACTIC)],
];

/** The words these patterns are written with, for typo correction. */
export const CLICHE_KEYWORDS = keywordsOf(FAMILIES.map(([, pattern]) => pattern));

/** The families scanned once each. */
const SCANS = new GatedScans(FAMILIES);

/** Every cliché found, in reading order. */
export function findCliches(canonical: string): ClicheHit[] {
  const hits: ClicheHit[] = [];
  for (const [family, matches] of SCANS.matchesIn(canonical)) {
    for (const match of matches) hits.push({ family, ...match });
  }
  return hits.sort((a, b) => a.index - b.index);
}
