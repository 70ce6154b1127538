/**
 * How specific a plan is, read from its structure rather than from a vocabulary of value: a value word
 * with a generic object ("new options", "some insights", "the new regulation") promises without saying
 * what, while a dated or quantified change on the prospect's side ("their supplier is backordered till
 * Aug", "the carrier is retiring their PRI lines in Sept") is a reason to call even in words the value
 * rules do not know.
 */
import { phrase } from './pattern.js';

/** What a plan says that can be checked: the evidence that its value is about this prospect. */
export interface Specificity {
  /** Changes on the prospect's side anchored by a date, an amount, a name or something of theirs. */
  facts: string[];
  /** Changes anchored twice over ("their supplier is backordered till Aug"): a checkable event. */
  strongFacts: string[];
  /** Acronyms naming a rule, body, product or system (not titles or sales jargon). */
  entities: string[];
  /** A value word whose object is left generic, if any. */
  genericObject: string | undefined;
  /** Words that sound like value and say nothing checkable: jargon, hedges, presenting ourselves. */
  hollow: string[];
  /** A need the prospect stated, answered in the same plan by something of ours, if any. */
  answeredNeed: string | undefined;
}

/** Titles and sales jargon written in capitals: they name a role or a promise, not a checkable thing. */
const NOT_ENTITIES = new Set(
  `I OK CC FYI ASAP PS RE FW FWD EOD EOW TBD ETA AM PM ROI TCO KPI KPIS CEO CFO CTO CIO COO CISO VP SVP EVP GM
  HR IT PM PO QA USA US UK EU AND THE ASC NDA RFP RFQ MSA SOW EOM EOQ EOY COB CRM`
    .split(/\s+/)
    .filter(Boolean),
);
/** A quarter or half year is a date, not a named thing. */
const PERIOD = /^(?:Q[1-4]|H[12]|FY\d*)$/;
const ACRONYM = /(?<![\p{L}\d])(?:\p{Lu}[\p{Lu}\d&]{1,5}|\p{Lu}{1,3}\d[\p{Lu}\d]*)(?![\p{L}\d])/gu;

/**
 * A verb of change: something retires, expires, ends, is excluded, required, backordered, discontinued,
 * raised, stops or starts to cost them. These are the events the method's compelling reasons are made of.
 */
const CHANGE = phrase(
  '(?:retir|expir|exclud|requir|backorder|back-order|discontinu|rais|terminat|phas(?:e|ed|es|ing) out|turn(?:s|ing|ed)? off|shut(?:s|ting)? (?:down|off)|sunset|deprecat|cancel|withdr|stop|lapse|charg|penali|ban|mandat|hit)\\w*|runs? out|ran out|(?:ends?|ending|ended)(?! up)|needs? (?:\\w+ ){1,6}?(?:from|by|before) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|\\d)|now (?:\\S*\\d|up to|down to)|lost|losing|loses|(?:starts?|starting) (?:charging|requiring|billing|enforcing)',
);
/** What anchors a change to this prospect: something of theirs, a date, an amount (a name is passed in). */
const ANCHORS = [
  phrase('(?:their|his|her) (?!own )[a-z-]+'),
  phrase(
    '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|q[1-4]|next (?:month|quarter|year|season|week)|this (?:month|quarter|year)|\\S*\\d\\S*',
  ),
] as const;
/** A sentence that only asks or presses: a change in it is the rep's question, not the prospect's news. */
const ASKING = phrase(
  '(?:see|ask|check|find out|confirm) (?:if|whether|when|where)|or we|or else|have to|(?:should|shall) (?:i|we)|remind\\w*|at some point|sometime|eventually|soon|needs? (?:a |their |his |her )?(?:decision|signature|commitment|answer|go-ahead)|push (?:them |him |her )?(?:for|to)',
);

/**
 * A value word whose object says nothing checkable: options, insights, ideas, value, ROI, benefits,
 * solutions; "some ways we can help" or "a few thoughts on how to improve" with no way named; an unnamed regulation; "the question she asked"; a meeting "to discuss" or "to review
 * everything". The plan has to say which, and what it changes for them.
 */
const GENERIC_OBJECT = phrase(
  '(?:some |a few |new |exciting |more |few |the |our |great |fresh |valuable )+(?:options|insights|ideas|possibilities|opportunities|benefits|solutions|offer)(?! (?:for|on|to) (?:their|his|her) [a-z]+ (?:\\w+ )?(?:from|by|in|at|of|under))|(?:show|add|unlock|drive|deliver|bring|maximi[sz]e|demonstrate|create|prove) (?:a lot of |more |real |some |the |additional |our )?(?:value|roi)|(?:the|our) (?:[a-z-]+ )?(?:roi|value proposition)(?! (?:one-pager|one pager|model|calc|calculation|sheet|report|summary|breakdown|analysis|numbers))|(?:the|a) new (?:regulation|regulations|rule|rules|law|laws|requirement|requirements|standard|standards|mandate)(?! (?:[a-z-]+ )?(?:on|for|from|that|which|requires|requiring|bans|says|wants))|(?:some|a few|few|several|a couple of|couple of|a number of) (?:[a-z-]+ )?(?:ways|thoughts|ideas|suggestions|tips|areas|things) _4 (?:help|helps|improve|support|optimi[sz]e|reduce|save|cut|boost|grow|streamline)(?![a-z])|the (?:question|questions|concern|concerns|thing|point) (?:she|he|they|you) (?:asked|raised|had|mentioned)|(?:meeting|call|session) to (?:discuss|talk|chat|review everything|align|go over things)(?: (?:\\.|it|things|everything|next steps|the path forward)|$)|review everything|align on (?:the )?(?:path|way) forward|(?:ending|ends|expir\\w*|due|renew\\w*|runs? out)(?: [^ .]+)? (?:at some point|sometime|someday|eventually)|what we can do|(?:make|making) a (?:real )?difference',
);

/**
 * Marketing jargon: each word promises value in general. One is how people write; two or more with nothing
 * checkable is a pitch with no reason in it ("a holistic omnichannel approach to unlock their potential").
 */
const JARGON = phrase(
  'synerg\\w*|holistic|omni-?channel|best-in-class|best in class|world-class|world class|cutting-edge|cutting edge|game-chang\\w*|next-level|value-add\\w*|value add|unlock\\w*|full potential|leverag\\w*|landscape|footprint|narrative|posture|outcomes|(?:open|opening|start|continue) (?:a|the) (?:dialogue|conversation)|forward-looking|considerations|proactive\\w*|evolving|ahead of the curve|(?:truly )?meaningful|partner to|drive together|cool features|empower\\w*|seamless\\w*|transformati\\w*|transform|innovati\\w*|thought leadership|latest thinking|strategic|comprehensive|robust|end-to-end|paradigm|journey|ecosystem|move the needle|key insights|industry insights|compelling|exciting|tailored|bespoke|solution|solutions',
);
/**
 * A hedge says the rep does not know why it would matter to them ("might spark some interest", "could be
 * relevant", "some regulation stuff", "somehow"). "Could we" and "she could send it" are not hedges.
 */
const HEDGE = phrase(
  '(?:might|could|may) (?:also |well |even )?(?:be|impact|affect|help|interest|matter|spark|get|unlock|make|improve|benefit|save|mean|suit|resonate|appeal|work|fit|want|like|need|apply|change|add)|maybe|perhaps|possibly|potentially|probably|somehow|at some point|sometime|someday|stuff|(?:the|that) (?!one |only |first |last |main |same |key |big |other )[a-z]+ thing|thought (?:you|youd|they|theyd|he|hed|she|shed) (?:would |might )?(?:find|like|enjoy|be interested)|spark|pique',
);
/**
 * A visit whose purpose is the relationship: "plant visit to reconnect", "drop by with donuts", "invite them
 * to our appreciation barbecue". It is a check-in in person; a treat that comes with something is fine.
 */
const SOCIAL_TOUCH = phrase(
  '(?:visit|visits|trip|drop by|drop in|stop by|swing by|pop in|lunch|dinner|coffee|drinks)(?: [a-z]+){0,3} to (?:reconnect|catch up|say hi|say hello|touch base|check in|keep in touch|stay in touch|build rapport|strengthen the relationship)|(?:visit|drop by|drop in|stop by|swing by|pop in)(?: [a-z]+){0,2} with (?:some )?(?:donuts|doughnuts|bagels|cookies|pastries|cupcakes|coffee|lunch|treats)|appreciation (?:event|day|party|bbq|barbecue|lunch|dinner)|golf day|(?:bbq|barbecue|golf) (?:invite|invitation)',
);
/** Presenting ourselves is about us: "present our company and capabilities", "position us as the solution". */
const ABOUT_US = phrase(
  '(?:present|introduce|showcase|show|pitch)(?:s|ing)? (?:you |them |him |her )?(?:our|us)(?: [a-z-]+){0,2} (?:company|capabilities|portfolio|offering|offerings|solution|solutions|services|products|range|brand|story)|position(?:ing)? us|our (?:company|capabilities)|our(?: [a-z-]+)? portfolio|exciting (?:updates|news|developments|things)',
);

/**
 * The method's "know the hot button", read from structure: someone on their side said, asked or suffers
 * something, and the plan answers it with something of ours. A stall is not a need ("she said next month",
 * "he needs time to think").
 */
const STATED_NEED = phrase(
  '(?:he|she|they|you|the (?:owner|manager|buyer|chef|team|crew|director|doctor|vet|admin|lead|inspector|insurer|auditor|client|customer)|NAME|^(?!(?:i|we|you) )[a-z]+) (?:said|says|told (?:me|us)|mentioned|asked|wanted to know|complained|complains|needs?|wants?|worries|worried|hates?|struggles?|was nervous|is nervous|is worried|was worried|keeps? (?:running|losing|getting)|loses|lost|spends|wastes)(?! (?:to think|time|some time|more time|a few|to wait|to check|to talk|to call|call|no|not|next|later|busy|hes busy|shes busy|theyre busy|to decide|anything|nothing|from))|exactly why|(?:leaks|jams|breaks down|keeps failing|runs out|was late|is late|goes down|crashes|overheats)',
);
const OUR_ANSWER = phrase(
  'we (?:now )?(?:have|just shipped|launched|added|can|offer|stock|do|fixed|built|ran|found)|weve (?:got|added|launched|built|found)|our [a-z-]+(?: [a-z-]+)? (?:is|has|handles|does|covers|fixes|is rated|now|cuts|reads|splits)|(?:ill|i will|i can) (?:bring|send|show|quote|run|test|measure|set up|document|drop off|demo)|so (?:he|she|they) can (?:try|compare|see|test|check|sign)|(?:bring|send|drop off) (?:[a-z]+ )?(?:samples?|a printout|bags|the spec|spec|photos|a quote|the quote)',
);

function readAnsweredNeed(canonical: string, names: ReadonlySet<string>): string | undefined {
  const sentences = canonical.split(SENTENCE).map((sentence) =>
    sentence
      .trim()
      .split(' ')
      .map((token) => (names.has(token) ? 'NAME' : token))
      .join(' '),
  );
  const needIndex = sentences.findIndex((sentence) => matches(STATED_NEED, sentence));
  if (needIndex < 0 || !sentences.some((sentence) => matches(OUR_ANSWER, sentence))) return undefined;
  return canonical.split(SENTENCE)[needIndex]?.trim();
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function allMatches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

/** Two or more capitalised words after an article: a named body, publication, site or product, not the addressee. */
const MULTIWORD_NAME =
  /(?<=(?:the|from|by|of|under|per) )\p{Lu}[\p{Ll}&]+(?: (?:&|of|and) )?(?: \p{Lu}[\p{L}\d]+)+/gu;

const SENTENCE = / \. |\n/;

/** Reads the specificity of a plan: `original` as typed, `canonical` its normalised text. */
export function readSpecificity(
  original: string,
  canonical: string,
  names: ReadonlySet<string>,
  contact: string | undefined,
): Specificity {
  const entities: string[] = [];
  for (const match of original.matchAll(ACRONYM)) {
    const word = match[0];
    if (NOT_ENTITIES.has(word) || PERIOD.test(word) || word.toLowerCase() === contact) continue;
    entities.push(word);
  }
  for (const match of original.matchAll(MULTIWORD_NAME)) {
    const name = match[0];
    if (
      !name
        .toLowerCase()
        .split(' ')
        .includes(contact ?? '')
    )
      entities.push(name);
  }
  const named = new Set([...names, ...entities.map((entity) => entity.toLowerCase())]);
  const facts: string[] = [];
  const strongFacts: string[] = [];
  for (const sentence of canonical.split(SENTENCE)) {
    if (!matches(CHANGE, sentence) || matches(ASKING, sentence)) continue;
    let anchors = sentence
      .split(' ')
      .some((token) => named.has(token) || (token.endsWith('s') && named.has(token.slice(0, -1))))
      ? 1
      : 0;
    for (const anchor of ANCHORS) if (matches(anchor, sentence)) anchors++;
    if (anchors === 0) continue;
    facts.push(sentence.trim());
    if (anchors >= 2) strongFacts.push(sentence.trim());
  }
  GENERIC_OBJECT.lastIndex = 0;
  const generic = GENERIC_OBJECT.exec(canonical);
  const jargon = allMatches(JARGON, canonical);
  const hollow = [
    ...(jargon.length >= 2 ? jargon : []),
    ...allMatches(HEDGE, canonical),
    ...allMatches(ABOUT_US, canonical),
    ...allMatches(SOCIAL_TOUCH, canonical),
  ];
  return {
    facts,
    strongFacts,
    entities,
    genericObject: generic?.[0].trim(),
    hollow,
    answeredNeed: readAnsweredNeed(canonical, names),
  };
}
