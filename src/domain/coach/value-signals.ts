/**
 * Detects what a plan brings the prospect. Two kinds of evidence, kept apart on purpose:
 * - value signals: something of worth to the prospect (a warranty or contract running out, a new
 *   regulation, a new product, a price drop, a special offer, a better system, a relevant report, going
 *   through the material together, another stakeholder, a demonstration, a fix for their problem, a
 *   pressure-releasing message). Strong ones stand on their own; weak ones name the right topic but need a
 *   concrete detail.
 * - concrete details: numbers, dates, names, product codes, the prospect's hot button. Details only make a
 *   weak signal concrete: a date on a check-in is still a check-in.
 */
import { keywordsOf, matchesOf, phrase } from './pattern.js';

export type ValueSignalKind =
  | 'warranty'
  | 'contract'
  | 'regulation'
  | 'new_product'
  | 'price_drop'
  | 'special_offer'
  | 'better_system'
  | 'report'
  | 'review_together'
  | 'stakeholder'
  | 'demonstration'
  | 'prospect_problem'
  | 'deliverable'
  | 'empathy'
  | 'stated_reason';

export type Strength = 'strong' | 'weak';

export interface ValueSignal {
  kind: ValueSignalKind;
  strength: Strength;
  text: string;
  index: number;
}

/** How each signal reads in a reason shown to the rep. */
export const VALUE_SIGNAL_LABELS: Record<ValueSignalKind, string> = {
  warranty: 'a warranty running out',
  contract: 'a maintenance or support contract running out',
  regulation: 'a new regulation',
  new_product: 'a new product',
  price_drop: 'a price change they can act on',
  special_offer: 'a special offer',
  better_system: 'a better system',
  report: 'a relevant report or article',
  review_together: 'going through the material together',
  stakeholder: 'another stakeholder',
  demonstration: 'a demonstration',
  prospect_problem: 'a fix for their problem',
  deliverable: 'something prepared for them',
  empathy: 'a pressure-releasing message',
  stated_reason: 'the value reason you described',
};

const ENDING =
  '(?:expir\\w*|ends?|ending|ended|runs? out|running out|ran out|lapses?|lapsing|lapsed|is up|will be up|up for renewal|due for renewal|due|renews?|renewal|terminat\\w*|finish\\w*|over in|until|till|through)';
const SUPPORT_TERM =
  '(?:amc|cmc|policy|policies|insurance|certificate|certificates|certs|cert|domain|domains|maintenance|support|service|license|licence|licenses|licences|licensing|subscription|subscriptions|lease|leases|leasing|sla|contract|contracts|agreement|cover|coverage|plan|term)';
const RULE_NOUN =
  '(?:tariff|tariffs|duty|duties|levy|levies|regulation|regulations|regulatory|law|laws|legislation|directive|directives|mandate|mandates|rule|rules|requirement|requirements|standard|standards|compliance|tax|taxes|code|codes|guideline|guidelines|act|reporting rules|framework)';
const NAMED_RULE =
  '(?:vat|gdpr|hipaa|sox|basel(?: ?iv| ?iii| ?[34])?|nis ?2|dora|pci(?: dss)?|iso ?\\d{4,5}|ifrs ?\\d*|ccpa|mifid(?: ?ii)?|csrd|esg|e-?invoicing|osha|fda|epa|soc ?2|cmmc|fedramp|ai act|emissions? (?:rules|cap|standard|limits?)|minimum wage|fire code|building code)';
const PRODUCT_NOUN =
  '(?:products?|models?|versions?|release|releases|features?|modules?|range|line|hardware|software|processors?|chips?|integrations?|apps?|platform|edition|firmware|api|dashboards?|add-?ons?|plugins?|tools?|machines?|units?|series|sensors?|printers?|servers?|devices?|generation|functionality|capabilit(?:y|ies)|reporting|analytics|console|portal|mobile app|scanner|scanners|trucks?|vehicles?|engine|system|systems|fleet|formula|material|coating|service|services|tier|plan)';
const ROLE =
  '(?:cfo|ceo|cto|cio|coo|cmo|cro|ciso|cpo|vp|svp|evp|director|directors|head of \\w+|heads of \\w+|manager|managers|owner|owners|partner|partners|board|finance|procurement|purchasing|buyer|buyers|legal|it team|it department|it manager|it director|it lead|their it|ops|operations|engineering|engineers?|technical (?:team|lead|advisor|adviser|expert|director)|tech lead|architect|controller|accountant|comptroller|treasurer|principal|superintendent|administrator|boss|colleague|colleagues|team|users|end users|champion|decision makers?|stakeholders?|sponsor|se|solutions? engineer|sales engineer|specialist|expert|product manager|pm|founder|implementation lead|consultant|account manager|customer success|dean|chief \\w+|plant manager|hr|payroll|security team|facilities|maintenance team|foreman|site manager|clinical lead|head nurse|practice manager)';
const DOCUMENT =
  '(?:proposal|proposals|quote|quotes|quotation|specs|specifications|spec sheet|deck|slides|material|materials|brochure|documents?|docs?|pdf|contract|terms|roadmap|numbers|figures|pricing|price list|estimate|roi|business case|sow|statement of work|rfp|answers|findings|results|audit|assessment|options|design|designs|drawings?|mock-?ups?|layout|timeline|implementation plan|checklist|comparison|configuration|samples?|trial results|data|report|case study|agreement|draft|outline|scope|requirements|invoice|sample report|floor plan)';
const REPORT_NOUN =
  '(?:report|reports|article|articles|study|studies|survey|surveys|whitepaper|white paper|case study|case studies|benchmark\\w*|research|guide|checklist|webinar|webinars|podcast|blog post|video|videos|infographic|stats|statistics|findings|paper|ebook|e-book|newsletter|playbook|template|calculator|testimonials?|success stor(?:y|ies)|event|seminar|conference|workshop|roundtable|breakfast|site visit|tour|open house|user group|trade show|expo|forum|masterclass|analysis|data)';
const SHARE_VERB =
  '(?:share|sharing|send|sending|forward|forwarding|bring|bringing|pass on|pass along|show|showing|present|presenting|email|emailing|mail|drop off|give|giving|invite|inviting|point (?:them|him|her) to|highlight|flag|flagging|recommend)';
const PROBLEM_VERB =
  '(?:fix|fixes|fixing|solve|solves|solving|eliminat\\w*|reduc\\w*|cut|cuts|cutting|lower|lowers|lowering|speed up|speeds up|improv\\w*|prevent\\w*|avoid\\w*|address\\w*|remov\\w*|shorten\\w*|automat\\w*|streamlin\\w*|simplif\\w*|boost\\w*|halve|halves|get rid of|resolv\\w*|protect\\w*|minimi[sz]\\w*|optimi[sz]\\w*|tackle\\w*|recover\\w*|unblock\\w*)';
const PROBLEM_NOUN =
  '(?:downtime|costs?|spend|spending|waste|scrap|errors?|mistakes|delays?|backlog|churn|turnover|outages?|risk|risks|overtime|fuel|energy|returns|complaints|manual work|paperwork|rework|bottlenecks?|lead times?|turnaround|latency|backups?|breakdowns?|failures?|defects?|no-shows|wait times?|headaches?|chargebacks|fraud|fines|penalties|bills?|invoices|stockouts|shrinkage|overheads?|admin|tickets|escalations|callbacks|vacancies|injuries|emissions|shortfall|gap|gaps|losses|inventory|load times?|response times?|footprint|exposure)';
const POSSESSIVE = '(?:their|his|her|your|the clients|the customers|the prospects)';
const BUILD_VERB =
  '(?:mail|mailing|post|posting|ship|shipping|courier|drop off|show|showing|pitch|pitching|prepare|preparing|prepared|build|building|put together|putting together|draft|drafting|bring|bringing|send|sending|share|sharing|run|running|create|creating|calculate|calculating|model|modelling|modeling|map|mapping|sketch|sketching|write up|writing up|price out|pricing out|configure|configuring|work out|working out|deliver|delivering|present|presenting)';
const ANALYTIC =
  '(?:samples|sample|swatches|swatch|roi|tco|business case|cost comparison|comparison|side by side|side-by-side|payback|savings (?:estimate|calc\\w*|model|analysis|breakdown)|savings|projection|forecast|audit|assessment|recommendations?|mock-?ups?|prototype|samples?|options|scenarios?|breakdown|analysis|benchmark|health check|gap analysis|sizing|migration plan|rollout plan|implementation plan|pilot plan|floor plan|cost model|total cost|quote for|quote with|proposal for|proposal with|revised (?:proposal|quote|pricing|offer))';

type Rule = readonly [ValueSignalKind, Strength, RegExp];

const RULES: readonly Rule[] = [
  ['warranty', 'strong', phrase(`(?:warranty|warranties|guarantee|guarantees) _4 ${ENDING}`)],
  [
    'warranty',
    'strong',
    phrase(
      '(?:expir\\w*|ending|lapsing|out of|end of|ends of|last months? of|running out of|run out of) _2 (?:warranty|warranties|guarantee)',
    ),
  ],
  ['warranty', 'weak', phrase('(?:warranty|warranties|guarantee|extended cover)')],
  ['contract', 'strong', phrase(`${SUPPORT_TERM} _4 ${ENDING}`)],
  [
    'contract',
    'strong',
    phrase(`(?:expir\\w*|ending|lapsing|end of|running out of|out of|renewal of) _2 ${SUPPORT_TERM}`),
  ],
  [
    'contract',
    'strong',
    phrase(
      'end of (?:life|support|sale|service)|eol|eos|sunset\\w*|deprecat\\w*|discontinu\\w*|no longer (?:supported|serviced|patched|made)|(?:support|updates|patches) (?:stops?|stopping|ends?|ending)',
    ),
  ],
  [
    'contract',
    'weak',
    phrase('renewal|renewals|maintenance contract|support contract|service contract|service agreement|lease'),
  ],
  [
    'regulation',
    'strong',
    phrase(
      `(?:new|upcoming|coming|updated|revised|proposed|changed|changing|changes to|change to|announced|incoming|stricter|tighter|draft) _2 (?:${RULE_NOUN}|${NAMED_RULE})`,
    ),
  ],
  [
    'regulation',
    'strong',
    phrase(
      `(?:${RULE_NOUN}|${NAMED_RULE}) _4 (?:takes? effect|taking effect|comes? into (?:force|effect)|in force|deadline|kicks? in|goes live|go live|applies|will apply|effective|changes?|changing|starting|starts|from|announced|is coming|tightens)`,
    ),
  ],
  [
    'regulation',
    'weak',
    phrase(
      `${NAMED_RULE}|regulation|regulations|regulatory|legislation|compliance|directive|mandate|audit|auditors|inspection`,
    ),
  ],
  [
    'new_product',
    'strong',
    phrase(
      `(?:new|latest|upcoming|next-gen\\w*|next gen|next generation|newest|just released|recently released|improved|updated|redesigned|faster|lighter|cheaper|smaller) _2 ${PRODUCT_NOUN}`,
    ),
  ],
  [
    'new_product',
    'strong',
    phrase(
      '(?:we|our|weve|rd|r&d|team|company|vendor|they|product team|engineering) _3 (?:launched|released|announced|rolled out|unveiled|introduced|shipped|added|built|developed|launching|releasing|announcing|rolling out|shipping)|(?:launch|release|announcement|rollout|roll out|arrival) of|now (?:available|supports?|ships|shipping|integrates|works|offers)|just (?:launched|released|announced|came out|shipped|dropped)|(?:came|comes|coming) out|(?:is|are|goes|went) live|(?:is|are) (?:now )?out(?! of)|back in stock|now in stock|in stock again|backorder \\w+ cleared|backorder cleared|(?:stock|shipment) (?:has )?(?:arrived|landed)|(?:lead time|delivery time) (?:is )?(?:down|shorter|cut)',
    ),
  ],
  [
    'new_product',
    'weak',
    phrase(
      '(?:new|latest|upcoming) (?!year|years|quarter|month|week|budget|contact|person|role|job|office|hire|cfo|ceo|manager|boss|team|lead|leads|owner|start|fiscal|financial|info|information|emails?)\\w+|v\\d+(?:\\.\\d+)*|version \\d+(?:\\.\\d+)*|launch|release',
    ),
  ],
  [
    'price_drop',
    'strong',
    phrase(
      '(?:price|prices|pricing|cost|costs|rate|rates|fee|fees|premium|premiums|tariff|tariffs|list price|unit price|subscription) _4 (?:drop\\w*|reduc\\w*|cut|cuts|lower\\w*|decreas\\w*|down|fell|fall\\w*|slash\\w*|came down|come down|coming down|going down|went down|gone down)',
    ),
  ],
  [
    'price_drop',
    'strong',
    phrase(
      '(?:drop|drops|dropped|reduction|reduced|reduce|cut|cuts|lower|lowered|decrease|decreased|slashed|lower) _2 (?:price|prices|pricing|costs?|rates?|fees?|premiums?|tariffs?)|cheaper|less expensive|\\d+(?:\\.\\d+)? ?% (?:off|lower|cheaper|less|discount|saving|savings|reduction|down|drop)|(?:save|saving|savings|saves|cheaper by|less by|down by|lower by) (?:of |them |him |her |you )?(?:up to |about |around |roughly |over |approx |approximately )?[$€£]?\\d[\\d,.k%]*',
    ),
  ],
  [
    'price_drop',
    'strong',
    phrase(
      '(?:price|prices|pricing|cost|costs|rate|rates|fee|fees|premium|premiums|tariff|tariffs|list price|surcharge|surcharges|freight|shipping) _3 (?:go|goes|going|will go|are going|went) up|(?:price|prices|pricing|cost|costs|rate|rates|fee|fees|premium|premiums|tariff|tariffs|surcharge|surcharges|freight) _2 (?:rise|rises|rising|increase|increases|increasing|jump|jumps|up by)|(?:price|prices|pricing) (?:increase|rise|hike)|(?:before|ahead of) the (?:price )?(?:increase|rise|hike)',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:special|limited|exclusive|promo\\w*|introductory|seasonal|launch|loyalty|volume|bundle|bundled|early-?bird|early bird|year-?end|year end|end of (?:quarter|year)|q[1-4]|trade-?in|upgrade|multi-?year|\\d+-?year|renewal) _1 (?:offer|offers|deal|deals|pricing|price|promotion|discount|rate|incentive|package|credit|bonus)',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:offer|offering|give|giving|extend|extending|apply|applying|secure|securing|approved|approval for|sign off on|got) _3 (?:discount|rebate|credit)|promotion|promo|coupon|voucher|trade-?in|buy-?back|waive\\w*|free (?:trial|install\\w*|training|month|months|upgrade|audit|assessment|pilot|shipping|delivery|onboarding|setup|set-up|consult\\w*|licen[cs]es?|seats?|support|service|health ?check|review|evaluation|migration|demo|sample|samples|implementation|year|weeks?)|\\d+ (?:months|weeks|days) free|(?:price|rate|pricing) (?:lock|locked|freeze|frozen|guarantee)|lock (?:in )?_2 (?:price|prices|pricing|rate|rates)|complimentary|on the house|at no cost|(?<!(?:feel|feels|if|when|are|is|be|am|were|was|stay|keep|theyre|youre|hes|shes|im|get|gets|got|set|sets|break|breaks|hands) )free (?!(?:up|time|to|of|for|slot|slots|moment|next|now|today|tomorrow|tonight|this|that|at|on|in|and|or|so|but|then|later|again|after|before|until|from|with|week|weekend|morning|afternoon|evening|day|days|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z]))[a-z]+',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:at|for|on) (?:last years|the old|the current|todays|the same|this years|current|existing|the existing) (?:price|prices|pricing|rate|rates|terms)|(?:at|for) no (?:additional|extra) (?:cost|charge)|(?:at no|no extra|no additional|without extra) (?:cost|charge)|(?:now|will now) (?:include|includes|comes? with|covers?)|included free',
    ),
  ],
  ['special_offer', 'weak', phrase('discount\\w*|rebate\\w*|offer|incentive|package|bundle|bundled')],
  [
    'better_system',
    'strong',
    phrase(
      '(?:better|faster|cheaper|newer|more reliable|more efficient|improved|smarter|simpler|easier|quieter|greener|safer|lighter|stronger|modern|leaner|more secure|cloud) _1 (?:system|option|solution|way|setup|set-up|machine|model|process|approach|alternative|configuration|tool|platform|fit|workflow|integration|design|architecture|version|method)',
    ),
  ],
  [
    'better_system',
    'strong',
    phrase(
      'upgrade (?:path|option|to)|(?:alternative|option|options|workaround) (?:to|for|that|which)|(?:\\d+|two|three|four|a few|several|a couple of|couple of) (?:options|alternatives|approaches|configurations|scenarios|ways|setups|routes|packages|tiers|layouts|designs|versions|variants|concepts|models|quotes)',
    ),
  ],
  [
    'better_system',
    'strong',
    phrase('\\d\\S* _3 (?:instead of|rather than|compared to|compared with|versus|vs) _2 \\d+'),
  ],
  ['report', 'strong', phrase(`${SHARE_VERB} _4 ${REPORT_NOUN}`)],
  [
    'report',
    'strong',
    phrase(
      `(?:a|an|this|new|recent|latest|fresh|another|great|good|useful|short|interesting|relevant|industry) _1 ${REPORT_NOUN} _3 (?:on|about|showing|shows|that shows|comparing|covering|where|which|how|from|by)`,
    ),
  ],
  ['report', 'weak', phrase(`(?<!(?:the|my|our|that|their|his|her|your|last|previous) )${REPORT_NOUN}`)],
  [
    'review_together',
    'strong',
    phrase(
      `(?:go|going|walk|walking|run|running|step|stepping|read|review|reviewing|page|work|working|talk|talking) (?:them |him |her |\\w+ )?(?:through|thru|over) _5 (?:together|side by side|page by page|line by line|section by section|point by point|one by one|with (?:the )?(?:[a-z]+ ){0,2}team|on (?:the |a )?(?:call|screen|zoom|teams|meet|video call|video|webex)|live|screen ?share|screenshare)`,
    ),
  ],
  [
    'review_together',
    'strong',
    phrase(
      `(?:review|reviewing|read|mark up|open|pull up|look at|looking at|look over) _4 (?:side by side|page by page|line by line|with (?:them|him|her)|on (?:the|a) (?:call|screen|zoom|teams|video call)|screen ?share)`,
    ),
  ],
  [
    'review_together',
    'strong',
    phrase(
      `walk (?:(?!away|out|in)\\w+ (?:\\w+ )?)?(?:through|thru)|walkthrough|walk-through|(?:go|going|run|step|talk|work|get) (?:them |him |her )?(?:through|over) _2 (?:the |our |my |their |your |each |all |every |a |this |that )?${DOCUMENT}|(?<!(?:put|putting|puts|get|getting|got|work|working|business|come|coming|partner|partnering|bring|pull|grow|growing|go) )together|screen ?share|screenshare|(?:open|pull up|grab) (?:the|their|our) ${DOCUMENT}`,
    ),
  ],
  [
    'stakeholder',
    'strong',
    phrase(`(?:bring|bringing|brings|loop|looping|pull|pulling|rope|roping) (?:in |into )?_3 ${ROLE}`),
  ],
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:invite|inviting|include|including|involve|involving|introduce|introducing|add|adding|cc|ccing|copy|copying|connect|connecting) _3 ${ROLE}`,
    ),
  ],
  ['stakeholder', 'strong', phrase(`(?:get|getting) _2 ${ROLE} _1 (?:on|in|into|involved|onto|to join)`)],
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:reach out to|meet|meet with|meeting with|call with|set up a (?:call|meeting) with|set a call with|present to|joint (?:call|session|meeting) with) _3 (?:the |their |his |her |both |all |each )${ROLE}|(?:second|another|other|more|additional) (?:stakeholder|stakeholders|contact|contacts|decision maker|person|people|voice|voices)|multi-?thread\\w*`,
    ),
  ],
  [
    'stakeholder',
    'weak',
    phrase(
      `(?:talk to|speak to|speak with|talk with|contact|call|email|ring) _1 (?:the |their |his |her )${ROLE}`,
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      `(?:show|showing|demo|demoing|demonstrat\\w*|showcas\\w*|present|presenting|preview|previewing|pitch|pitching) (?!up|interest|off)(?:\\w+ |the team |\\w+s team )?(?!(?:our|the|a|an|my) (?:product|products|solution|solutions|services|service|offering|offerings|company|capabilities|portfolio|stuff|range|brochure|website|deck|business|team|firm)(?: \\.| again| to| and|$))(?:how|the|our|a|an|what|why|where|their|that|which|his|her|\\d)`,
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      '(?:demo|demonstration|trial|pilot|poc|proof of concept|test drive|sandbox|hands-on|onsite visit|site visit|live run|visit|tour) (?:of|for|on|showing|with|covering|focused|around|using|in their|at their|to)',
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      'reference (?:customer|customers|client|clients|site|sites|call|calls|visit|account|accounts)|(?:customer|customers|client|clients) (?:like|similar to) (?:them|him|her)|similar (?:customer|client|company|firm|business|clinic|hospital|school|site|practice)',
    ),
  ],
  [
    'demonstration',
    'weak',
    phrase(
      'demo|demonstration|trial|pilot|poc|proof of concept|test drive|sandbox|hands-on session|workshop',
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      `${PROBLEM_VERB} _3 (?:${POSSESSIVE} )?${PROBLEM_NOUN}|${PROBLEM_VERB} _1 ${POSSESSIVE} \\w+ (?:problem|problems|issue|issues|pain|headache|bottleneck|challenge|concern)`,
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:save|saves|saving|free up|frees up|cut|cuts|reduce|reduces|win back) (?:them |him |her |you |their team |the team )?(?:\\d+ |hours of |days of )?(?:time|hours|days|money|minutes|weeks|cash)',
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:answer|answers|solution|solutions|response|fix|workaround) (?:to|on|for) _3 (?:question|questions|concern|concerns|issue|issues|problem|problems|request|requests|objection|objections|query|queries)',
    ),
  ],
  [
    'prospect_problem',
    'weak',
    phrase(
      `(?:their|his|her|your) _2 (?:problem|problems|issue|issues|pain|pains|headache|bottleneck|challenge|challenges|concern|concerns|goal|goals|priority|priorities|objection|objections|question|questions)|answer|answers|so (?:that )?(?:they|he|she) can|which (?:will|would|could) (?:help|let|save|cut|reduce)`,
    ),
  ],
  [
    'deliverable',
    'strong',
    phrase(
      `${BUILD_VERB} _3 ${ANALYTIC}|(?:samples?|swatch\\w*|prototype|mock-?ups?|trial unit|loaner|demo unit) (?:that |which )?(?:you|they|he|she) (?:asked for|requested|wanted|needed)`,
    ),
  ],
  [
    'deliverable',
    'weak',
    phrase(
      `${DOCUMENT} (?:that |which )?(?:you|they|he|she) (?:asked for|requested|wanted|needed)|(?:you|they|he|she) (?:asked|enquired|inquired) about`,
    ),
  ],
  ['deliverable', 'weak', phrase(`${BUILD_VERB} _3 ${DOCUMENT}`)],
  [
    'empathy',
    'strong',
    phrase(
      'empath\\w*|pressure-?releas\\w*|(?:release|releasing|take|taking|remove|removing|ease|easing) (?:the |off the |any )?pressure|leave (?:them|him|her|people) better',
    ),
  ],
  [
    'empathy',
    'weak',
    phrase(
      'no pressure|apologi[sz]e|if now (?:isnt|is not) (?:the right|a good) time|if the timing (?:isnt|is not) right|until (?:youre|you are|theyre|they are|hes|he is|shes|she is) ready|leave (?:you|them|him|her) be|(?:know|understand|realise|realize|appreciate) (?:that )?(?:things|it|life|work) (?:have|has|are|is|must be) (?:been )?(?:very |really |so |crazy )?(?:hectic|crazy|busy|full on|intense)|how (?:busy|swamped|hectic|slammed|stretched) (?:youre|you are|theyre|they are|hes|he is|shes|she is|things are|it is|its)|(?:dont|do not|no need to|needn?t) (?:worry|feel|have to|need to)? ?(?:about )?(?:calling|call|getting back|replying|reply|responding|respond|rush)|(?:apologi[sz]e|sorry) (?:if|for)|if (?:theres|there is) anything (?:you|they|he|she) (?:were|was|are|is) expecting|whenever (?:youre|you are|theyre|they are|hes|he is|shes|she is) ready|at (?:your|their|his|her) (?:own )?pace|on (?:your|their|his|her) (?:own )?timeline|no rush|(?:know|understand|realise|realize|appreciate|imagine) (?:that |how )?(?:youre|you are|theyre|they are|hes|he is|shes|she is|things are) (?:very |really |so |crazy |super )?(?:busy|swamped|slammed|stretched|buried|flat out|hectic)|(?:whatever|anything) (?:you|they|he|she) need',
    ),
  ],
];

/** The words the value patterns are written with: all are protected from correction, the long ones are targets. */
export const VALUE_KEYWORDS = keywordsOf(RULES.map(([, , pattern]) => pattern));
/** Short value words are too close to everyday words to correct into ("lunch" is not "launch"). */
export const VALUE_CORRECTION_TARGETS = VALUE_KEYWORDS.filter((word) => word.length >= 6);

const CLAUSE_BREAK = phrase('\\.|and|but|then|also|plus|so|or|while');
const CHECK_FRAME = phrase(
  '(?:see|ask|asking|find out|check|confirm|know|hear|learn|wonder|seeing) (?:if|whether)|(?:ask|asking|find out|check|wonder) (?:when|what|how|who|where|why)|(?:did|have|has) (?:they|he|she|you)|what (?:they|he|she) (?:think|thought)',
);
const NEGATION =
  /(?:^| )(?:no|nothing|not|without|never|none|dont|havent|hasnt|isnt|arent|lack)(?: [^ ]+){0,2} $/;

function clauseStartBefore(canonical: string, index: number, breaks: readonly number[]): string {
  let start = 0;
  for (const at of breaks) if (at < index) start = at;
  return canonical.slice(start, index);
}

const NAME_INTRO = phrase(
  '(?:reach out to|reaching out to|loop in|looping in|bring in|bringing in|introduce|introducing|introduce me to|cc|ccing|involve|involving|include|including|invite|inviting|meet|meeting with|set up a (?:call|meeting) with|(?:also|and) (?:call|email|contact))',
);

/**
 * Another person named in the plan ("loop in Sue and Jerry") is a stakeholder only when the rep says so
 * with an involving verb; `names` are the capitalised names of the original text, minus the contact's own.
 */
function findNamedStakeholders(canonical: string, names: ReadonlySet<string>): ValueSignal[] {
  if (names.size === 0) return [];
  const found: ValueSignal[] = [];
  for (const match of matchesOf(NAME_INTRO, canonical)) {
    const following = canonical
      .slice(match.index + match.text.length)
      .trim()
      .split(' ', 3);
    const named = following.find((token) => names.has(token));
    if (named !== undefined)
      found.push({
        kind: 'stakeholder',
        strength: 'strong',
        text: `${match.text} ${named}`,
        index: match.index,
      });
  }
  return found;
}

/**
 * Every value signal in reading order. A signal inside a "see if they..." question is downgraded one step
 * (the rep asks about it rather than brings it); a negated one ("nothing new") is dropped; two separate
 * pressure-releasing phrases together make the empathetic message the method recommends for a prospect
 * who has gone dark.
 */
export function findValueSignals(canonical: string, names: ReadonlySet<string>): ValueSignal[] {
  const breaks = matchesOf(CLAUSE_BREAK, canonical).map((match) => match.index);
  const signals: ValueSignal[] = findNamedStakeholders(canonical, names);
  for (const [kind, strength, pattern] of RULES) {
    for (const match of matchesOf(pattern, canonical)) {
      const lead = clauseStartBefore(canonical, match.index, breaks);
      if (NEGATION.test(lead)) continue;
      CHECK_FRAME.lastIndex = 0;
      if (!CHECK_FRAME.test(lead)) signals.push({ kind, strength, ...match });
      else if (strength === 'strong') signals.push({ kind, strength: 'weak', ...match });
    }
  }
  const empathy = signals.filter((signal) => signal.kind === 'empathy');
  if (empathy.length >= 2 && empathy.every((signal) => signal.strength === 'weak')) {
    const [first] = empathy;
    if (first)
      signals.push({
        ...first,
        strength: 'strong',
        text: empathy.map((signal) => signal.text).join(' ... '),
      });
  }
  return signals.sort((a, b) => a.index - b.index);
}
