/**
 * Value signals by structure rather than by stock phrase, added after plans written away from the corpus
 * showed the vocabulary in value-signals.ts missed whole families of good plans:
 * - a peer the prospect can learn from ("our customer at Fabrikam who did the same rollout");
 * - an expert from our side on the call ("with our counsel on the line", "our PM to answer ...");
 * - a date-bound window or funding they can act on ("the filing window closes Feb 26", "the state grant");
 * - news that changes their situation (lead times down, a back-order cleared, a bug fixed, a rule adopted);
 * - a named, content-bearing document ("the lab results for the sensor accuracy they questioned");
 * - an amount in their favour ("$11k lower", "the $18k annual saving");
 * - our product meeting a stated need ("our labeling module handles it", "our bundle qualifies");
 * - pressure-releasing phrasing the empathy list did not know ("apologies", "whatever you decide").
 * And two families that take value away: a purpose that only chases a decision, and stock material.
 */
import { joinedByKey, keywordsOf, matchesOf, phrase } from './pattern.js';
import type { Strength, ValueSignal, ValueSignalKind } from './value-signals.js';

type Rule = readonly [ValueSignalKind, Strength, RegExp];

const ROLE =
  '(?:[a-z-]+ )?(?:manager|mgr|lead|director|engineer|engineers|head|officer|cfo|ceo|cio|cto|coo|ciso|cno|vp|owner|controller|buyer|counsel|clerk|dispatcher|architect|specialist|expert|superintendent|principal|administrator|accountant|nurse)';
const OUR_SIDE =
  '(?:counsel|lawyer|attorney|legal team|engineer|engineers|architect|specialist|expert|experts|advisor|adviser|consultant|ceo|cto|cfo|coo|cio|ciso|founder|product manager|pm|trainer|[a-z-]+ (?:lead|manager|director|officer|engineer|engineers|specialist|expert|team))';
const DURATION = '(?:weeks?|days?|hours?|months?|minutes?|mins?|hrs?)';
const CONTENT_DOC =
  '(?:summary|results|report|note|notes|list|link|calendar|certificate|certification|application|comparison|breakdown|analysis|benchmark|numbers|data|schedule|timeline|runbook|checklist|guide|article|case study|paper|recording|one-pager|one pager|references?|write-?up|sheet|model|calc|calculation|study|memo|letter|video|plan|map|diagram|estimate)';
const RULE_WORD =
  '(?:code|codes|rule|rules|regulation|regulations|ordinance|ordinances|standard|standards|law|laws|directive|mandate|requirement|requirements|guidance|permit|permits|bylaw|bylaws|act|policy)';

const RULES: readonly Rule[] = [
  // A peer who has done it.
  [
    'demonstration',
    'strong',
    phrase(
      '(?:our|a|an) (?:customers?|clients?|users?) (?:at|in|from|over at)|(?:who|that|which) (?:did|ran|runs|run|went through|rolled out|migrated|implemented|deployed|installed|uses|use|had|solved|fixed|cut|automated) _3 (?:same|similar)|the same (?:[a-z-]+ ){0,2}(?:rollout|erp|integration|setup|system|migration|line|cell|stack|platform|problem|challenge|bed count|ehr|size|process|project|upgrade|implementation|software|machines?|equipment)|of (?:similar|the same|comparable) size|similar-?sized?|(?:a|an) (?:similar|comparable) (?!time|day|week|month|call|email|message|note)[a-z]+|references? (?:list|from|at|in)|(?:like|similar to) (?:theirs|them|yours|his|hers)|(?:who|that) (?:are |is )?(?:already )?(?:using|use|uses|run|running|runs) our|intro\\w* _5 (?:to|with) (?:our|my)',
    ),
  ],
  // Someone from our side, or a further stakeholder of theirs, on the call.
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:with|and|bring|bringing|loop in|invite|plus|join|joins|intro|introduce|between \\w+ (?:\\w+ )?and) (?:our|my) _1 ${OUR_SIDE}|(?:our|my) ${OUR_SIDE} (?:to join|joins|will join|on the (?:call|line)|can answer|to answer|to walk|to go)|(?:get|getting|have|bring) _3 ${ROLE} _4 (?:on|in|into|onto) (?:the|a|our) _1 (?:call|meeting|session|zoom|line)|join\\w* (?:with|along with) (?:his|her|their) (?:[a-z-]+ )?(?:engineer|engineers|lead|manager|director|cfo|controller|counsel|officer|head|architect|cno|ciso)|intro\\w* (?:their|his|her)`,
    ),
  ],
  // A date-bound window, or funding they qualify for.
  [
    'regulation',
    'strong',
    phrase(
      '(?:window|enrol\\w*|enroll\\w*|registration|deadline|grant|grants|subsidy|subsidies|funding|rebate|rebates|cutoff|cut-off|filing|application period) _5 (?:closes?|closing|closed|opens?|opening|reopens?|reopening|ends?|ending|expires?|expiring|is due|kicks in|hits)',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:state|federal|government|eu|county|city|energy|tax|utility|broadband) (?:grant|grants|subsidy|subsidies|rebate|rebates|credit|credits|funding|incentive|incentives)|(?:freez\\w*|lock\\w*|holding|hold) (?:in )?(?:\\d+ |our |their |current |todays |the |last years )*(?:prices|pricing|rates?)|(?:pay|paying|cover|covering|absorb|absorbing|waive|waiving|buy out|buying out) (?:their|the|his|her) (?:[a-z-]+ )?(?:fee|fees|penalty|penalties|exit costs?|termination|switching costs?)|(?:approved|preferred|state) (?:vendor |purchasing )?list|title (?:i|1|iv|4) funds?|can use (?:[a-z-]+ ){0,2}funds?|pre-?approved|pre-?qualified|qualif(?:y|ies) for|(?:our|the) [a-z-]+ qualifies|eligible for|without (?:an? )?(?:rfp|tender|bid|bidding)|(?:state|government|gsa|cooperative|co-op|framework) (?:contract|agreement|pricing|vehicle)',
    ),
  ],
  // A rule adopted or changed.
  [
    'regulation',
    'strong',
    phrase(
      `(?:adopted|passed|introduced|published|issued|enacted|finalised|finalized) (?:the |a |an |new |its |their )?_2 ${RULE_WORD}|${RULE_WORD} _2 now (?:allow|allows|permit|permits|require|requires|mandate|mandates|ban|bans)|(?:udi|fdas?|ce|mdr|ivdr|regulatory|compliance|filing|reporting|certification|e-rate) _2 (?:deadline|marking|guidance)|(?:coding|reporting|accounting|billing|tax|filing|labeling|labelling|safety|privacy|emissions?|lease|data) (?:rules? |standards? |requirements? )?(?:change|changes|update|overhaul)|(?:already )?(?:comply|complies|compliant) (?:with )?|(?:meet|meets) (?:the )?(?:[a-z-]+ )?${RULE_WORD}`,
    ),
  ],
  // Costs about to rise for them.
  [
    'price_drop',
    'strong',
    phrase(
      '(?:tariff|tariffs|duty|duties|surcharge|surcharges|prices|rates|premiums?|costs?) _6 (?:rise|rises|rising|increase|increases|go up|goes up|jump|jumps)|(?:raises?|raising|increases?|increasing|doubles?|doubling) (?:their|your|his|her) (?:[a-z-]+ )?(?:costs?|bills?|premiums?|rates?|fees?|spend)|(?:charge|tariff|rate|fee|pricing|billing) (?:structure )?(?:change|changes|overhaul|hike)',
    ),
  ],
  // An amount in their favour.
  [
    'price_drop',
    'strong',
    phrase(
      '(?:[$€£]\\d[\\d,.]*(?:k|m|bn)?|\\d[\\d,.]*(?:k|m|%))(?: ?/ ?[a-z]+)? (?:[a-z]+ )?(?:lower|less|cheaper|off|saving|savings|reduction|discount|under)|(?:surcharges?|freight|steel|material|component) (?:costs? |prices? )?(?:are |is )?(?:falling|easing|dropping|down)',
    ),
  ],
  // News that changes their situation: faster delivery, a shortage over, a problem fixed.
  [
    'prospect_problem',
    'strong',
    phrase(
      `(?:lead times?|delivery times?|transit(?: times?)?|wait(?:ing)? times?|turnaround|shipping times?|delivery) _5 (?:drop\\w*|down|shorter|shortened|cut|halved|reduced|faster|improved)|from \\d+ ${DURATION} to \\d+|\\d+ ${DURATION} (?:earlier|sooner|faster|quicker|shorter|ahead)|(?:is|are|now|finally|back) (?:[a-z]+ )?in stock|recall\\w* (?:on|of|affects?|affecting)|(?:new|faster|next-day|same-day|two-day|2-day|overnight) (?:[a-z-]+ )?(?:delivery|shipping)|(?:their|his|her) (?:[a-z-]+ ){0,3}(?:officer|lead|manager|director|engineer|buyer|cfo|ceo|cio|cto|ciso|controller) (?:asked for|requested|asked about)|(?:ends?|ending|ended|dropped|drops|dropping|discontinu\\w*|stops?|stopping|pulled) (?:its |their )?(?:support|cover|coverage)|(?:first|early|priority) access|beta (?:of|access|program)|can (?:now )?ship (?:tomorrow|today|this week|next week|\\d+)|back-?order _5 (?:cleared|clears|resolved|over)|(?:shortage|backlog|delays?) _2 (?:easing|eased|over|ended|cleared|resolved)|(?:fixed|solved|resolved|patched) (?:the|their|your|his|her|that)|(?:they|their [a-z-]+(?: team)?|he|she) (?:questioned|flagged|raised|doubted|worried about|complained about|pushed back on)|(?:which|that) (?:was|is|were) (?:their|his|her) (?:[a-z-]+ )?(?:complaint|ask|request|pain|blocker|concern|issue|problem|objection|priority|wish|requirement)|(?:their|his|her) (?:top|main|biggest|last|key|first|number one) (?:complaint|ask|request|blocker|concern|objection|issue|pain point)|(?:we|i) (?:can|could|will) (?:now )?(?:deliver|ship|supply) _3 \\d+|(?:cutting|cuts|cut|reducing|reduces|shortening|saving) (?:the |their |your )?(?:transit|travel|delivery|drive|lead|wait|setup|reset|onboarding|close|closing|processing|cycle)|(?:facility|warehouse|depot|hub|data cent\\w+|distribution cent\\w+|plant) _3 (?:opens?|opening|opened|is live|goes live)`,
    ),
  ],
  // Our product meets a need they stated.
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:our|the) (?:[a-z-]+ ){0,3}(?:module|modules|panels|pavers|product|products|bundle|package|line|system|solution|feature|tool|platform|units|machines|software|plan|rider|add-on|controller|service) (?:already )?(?:compl\\w+|cover|covers|handle|handles|meet|meets|targets?|solves?|fixes|avoids?|addresses|lowers?|reduces?|cuts?|saves?|shortens?|automates?|simplifies|eliminates|prevents|catches|shaves|offsets|pays? (?:for itself|back))|already (?:supports?|handles?|covers?|includes?)',
    ),
  ],
  // A named document with content for them, or something we prepared for them.
  [
    'report',
    'strong',
    phrase(
      `(?:share|sharing|send|sending|email|emailing|bring|bringing|forward|give|show|present|mail|provide|attach|pull together|put together|prepare|build|draft) _5 ${CONTENT_DOC} (?!for (?:review|feedback|approval|signature|signing|sign|a decision|them to sign))(?:that|which|showing|shows|on|about|of|for|from|comparing|covering|ranking|ranks|highlighting|with|so|to (?:the|their))`,
    ),
  ],
  [
    'deliverable',
    'strong',
    phrase(
      '(?:we|i) (?:drafted|prepared|built|wrote|ran|pulled|made|created|put together|compiled|modeled|modelled|mapped) (?:for|on|with) (?:them|their|his|her)|the (?:[a-z-]+ ){1,2}(?:we|i) (?:ran|built|drafted|prepared|pulled|compiled|modeled|modelled)|pre-?filled|(?:translated|locali[sz]ed|tailored|customi[sz]ed|personali[sz]ed|bespoke|site-specific|annotated|marked-up|redlined) [a-z-]+',
    ),
  ],
  // Working through it with them, on their own data.
  [
    'review_together',
    'strong',
    phrase(
      '(?:walk|walking) (?:[a-z-]+ ){1,3}(?:through|thru)|(?:reconcile|compare|map|match|check) _4 (?:against|with|to) (?:their|his|her)|(?:go|going|walk|walking|run|running) (?:over|through|thru) _4 with (?:the|their|his|her|our)|(?:working|work) session|co-?build|(?:review|go through|go over) (?:it|this|them) with (?:the |their |his |her )?(?:procurement|finance|legal|it|ops|purchasing|[a-z]+ team|the|their|his|her)',
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      '(?:on|with|using|against) (?:their|his|her) (?:own|actual|real|live)|(?:see|try|test) (?:it|them|our|the) (?:[a-z-]+ ){0,2}(?:live|in action|running|working)|(?:tour|visit) (?:at|to)|(?:loaner|demo|trial|evaluation|test) (?:unit|units|device|devices|machine|kit)|(?:theyd|they would|youd|you would|hed|he would|shed|she would) (?:like|want) (?:us|me) to |want (?:me|us) to (?:reopen|set up|run|send|prepare|show|walk|extend|reserve|map)|(?:share|explain|tell (?:them|him|her)) how (?:our|we|the|a|an|one|another|other)|(?:training|onboarding) (?:session|sessions|day|workshop|course) (?:for|with|on)',
    ),
  ],
  // Offers shaped to their situation.
  [
    'better_system',
    'strong',
    phrase(
      '(?:fits?|fitting|within|matches|matching) (?:the |their |his |her )?(?:[a-z-]+ )?(?:budget|spend|price point)|(?:smaller|starter|leaner|entry-level|scaled-down) (?:[a-z-]+ )?(?:package|plan|bundle|tier|option|edition|version|configuration|phase|pilot|rollout|scope|start)|(?:phase|phasing|phased|split|splitting|spread|spreading|stage|staging|stagger\\w*) (?:the |their )?(?:[a-z-]+ )?(?:rollout|payments?|costs?|capex|investment|deployment|project|purchase|spend|roll-out)|(?:migration|upgrade|transition) (?:path|plan|offer|credit)|end-of-(?:life|support|sale)|bridging (?:discount|offer|credit|licen[cs]e)',
    ),
  ],
  [
    'empathy',
    'weak',
    phrase(
      'apologies|apology|too pushy|whatever (?:you|they|he|she) decide\\w*|(?:totally|completely|perfectly) (?:ok|okay|fine|understand\\w*)|(?:gone|went|going) quiet|priorities (?:change|shift)|would it help if|happy to help|close (?:the|your|this|out the) file|just say so|either way|no hard feelings|(?:if its|if it is) a no|underwater|no stress|look whenever|whenever (?:you|they) (?:like|want|can)|when things (?:calm down|settle)|(?:slipped|fallen|dropped|slid) (?:down|off) (?:your|their|his|her) (?:list|radar|priorities)|(?:and )?(?:thats|its) (?:fine|ok|okay|alright)|if it helps|instead of (?:another|a) (?:call|meeting)|(?:you|they) can forward (?:it )?internally|happy to (?:pause|wait|hold off|step back)|until things (?:settle|calm down|quiet down)|(?:has|have|got) (?:your|their|his|her) (?:team )?(?:stretched|swamped|slammed|buried)|what works (?:for (?:you|them)|best)|no obligation|no worries if|feel free to say no',
    ),
  ],
];

/** Words these patterns are written with, kept safe from typo correction. */
export const FAMILY_KEYWORDS = keywordsOf(RULES.map(([, , pattern]) => pattern));

/** The rules scanned once per kind and strength. */
const SCANS = joinedByKey(
  RULES.map(([kind, strength, pattern]) => [`${kind} ${strength}`, pattern] as const),
).map(([key, pattern]) => {
  const [kind, strength] = key.split(' ') as [ValueSignalKind, Strength];
  return [kind, strength, pattern] as const;
});

const CLAUSE_BREAK = phrase('\\.|and|but|then|also|plus|so|or|while');
const CHECK_FRAME = phrase(
  '(?:see|ask|asking|find out|check|confirm|know|hear|learn|wonder|seeing) (?:if|whether)(?! (?:theyd|they would|youd|you would|hed|he would|shed|she would) (?:like|want))|(?:did|have|has) (?:they|he|she|you)',
);
const NEGATION =
  /(?:^| )(?:no|nothing|not|without|never|none|dont|havent|hasnt|isnt|arent|lack)(?: [^ ]+){0,2} $/;

/**
 * A purpose that only serves the rep: chasing their decision ("meeting with the CFO to get approval"), the
 * deal's status ("connect with procurement re timeline") or an introduction of the rep. What it asks for is
 * no value, and a person contacted for it is no further stakeholder.
 */
const DECISION_CHASE = phrase(
  '(?:re|about|regarding|on) (?:the |their )?(?:timeline|timing|status|next steps|progress|decision)(?= \\.|$)|to introduce (?:myself|ourselves|me|us|our company|our firm|the company)|(?:to|and) (?:get|push for|ask for|secure|chase|obtain|press for|request|close on|close|lock in|nail down|wrap up) (?:a |an |the |their |his |her )?(?:final |formal |firm |verbal |clear )?(?:approval|decision|sign-?off|signature|answer|yes|go-ahead|green light|commitment|verdict|update|status|po|purchase order|deal|contract signed)',
);
/** Stock material sent to everyone carries nothing for this prospect. */
const STOCK = /(?:^| )(?:usual|generic|follow up|reminder|same old|standard (?:deck|email|template))(?: |$)/;

/** The signals these families find, with a check-framed one ("see if ...") weakened and a negated one dropped. */
export function findFamilySignals(canonical: string): ValueSignal[] {
  const breaks = matchesOf(CLAUSE_BREAK, canonical).map((match) => match.index);
  const found: ValueSignal[] = [];
  for (const [kind, strength, pattern] of SCANS) {
    for (const match of matchesOf(pattern, canonical)) {
      let start = 0;
      for (const at of breaks) if (at < match.index) start = at;
      const lead = canonical.slice(start, match.index);
      if (NEGATION.test(lead)) continue;
      CHECK_FRAME.lastIndex = 0;
      found.push({ kind, strength: CHECK_FRAME.test(lead) ? 'weak' : strength, ...match });
    }
  }
  return found;
}

/**
 * Merges both sets of signals: drops stock material, weakens a stakeholder brought only to chase a decision,
 * and lets two separate pressure-releasing phrases make the empathetic message.
 */
export function mergeSignals(
  canonical: string,
  base: readonly ValueSignal[],
  extra: readonly ValueSignal[],
): ValueSignal[] {
  const chases = matchesOf(DECISION_CHASE, canonical);
  const chasing = chases.length > 0;
  const merged = [...base, ...extra]
    .filter(
      (signal) =>
        !(['report', 'deliverable', 'review_together'].includes(signal.kind) && STOCK.test(signal.text)) &&
        !chases.some(
          (chase) => signal.index >= chase.index && signal.index < chase.index + chase.text.length,
        ),
    )
    .filter((signal) => !(chasing && signal.kind === 'stakeholder'));
  const empathy = merged.filter((signal) => signal.kind === 'empathy');
  const [first] = empathy;
  if (first && empathy.length >= 2 && empathy.every((signal) => signal.strength === 'weak')) {
    merged.push({ ...first, strength: 'strong', text: empathy.map((signal) => signal.text).join(' ... ') });
  }
  return merged.sort((a, b) => a.index - b.index);
}
