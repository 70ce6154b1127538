/**
 * What a plan brings the prospect, read as value signals: something of worth to them named in the plan (a
 * warranty or contract running out, a new regulation, a new product, a price change, an offer, a better
 * system, a relevant report, material to go through together, another person to bring in, a demonstration,
 * a fix for their problem, an answer to what they asked, a date-bound window, a pressure-releasing message).
 *
 * The module has three parts:
 * - the vocabulary the rules are written with (noun and verb classes);
 * - the rules, one table grouped by kind: a strong rule names the value with what makes it matter (a date,
 *   a change, a consequence for them), a weak one only names the topic and needs a concrete detail;
 * - the reading of each match in its sentence (`framed`): negated or stock material is dropped, a signal the
 *   rep only asks about or uses to chase a decision is weakened.
 * Concrete details (numbers, dates, names) are found in details.ts; the score is judge.ts's.
 */
import { PRESSURE_TACTIC } from './cliches.js';
import { GatedScans, keywordsOf, matchesOf, phrase } from './pattern.js';

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
  | 'peer_reference'
  | 'deadline'
  | 'news'
  | 'empathy'
  | 'stated_reason'
  | 'prospect_change';

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
  peer_reference: 'a customer like them who has done it',
  deadline: 'a date-bound window they can act on',
  news: 'news you are bringing them',
  empathy: 'a pressure-releasing message',
  stated_reason: 'the value reason you described',
  prospect_change: 'a change on their side',
};

// The vocabulary the rules are written with.
/** What a prospect raises: answered, it is a reason they care about. */
const CONCERN =
  '(?:concerns?|gripes?|complaints?|worry|worries|objections?|questions?|qs?|pain points?|sticking points?|hesitations?|blockers?|reservations?|doubts?)';
/** Something running out; a bare "end" is the noun of "end of month", not the verb. */
const ENDING =
  '(?:expir\\w*|ends|(?:will|to|should|would|could|must|does) end|ending|ended|runs? out|running out|ran out|lapses?|lapsing|lapsed|is up|will be up|up for renewal|due for renewal|due|renews?|renewal|terminat\\w*|finish\\w*|over in|until|till|through)';
const SUPPORT_TERM =
  '(?:amc|cmc|policy|policies|insurance|certificate|certificates|certs|cert|domain|domains|maintenance|support|service|license|licence|licenses|licences|licensing|subscription|subscriptions|lease|leases|leasing|sla|contract|contracts|agreement|cover|coverage|plan|term)';
const RULE_NOUN =
  '(?:tariff|tariffs|duty|duties|levy|levies|regulation|regulations|regulatory|law|laws|legislation|directive|directives|mandate|mandates|rule|rules|requirement|requirements|standard|standards|compliance|tax|taxes|code|codes|guideline|guidelines|guidance|act|reporting rules|framework|ordinance|ordinances|bylaw|bylaws|statute|statutes|permit|permits|permitting|zoning|reform|reforms)';
const NAMED_RULE =
  '(?:vat|gdpr|hipaa|sox|basel(?: ?iv| ?iii| ?[34])?|nis ?2|dora|pci(?: dss)?|iso ?\\d{4,5}|ifrs ?\\d*|ccpa|mifid(?: ?ii)?|csrd|esg|e-?invoicing|osha|fda|epa|soc ?2|cmmc|fedramp|ai act|emissions? (?:rules|cap|standard|limits?)|minimum wage|fire code|building code)s?';
const PRODUCT_NOUN =
  '(?:products?|models?|versions?|release|releases|features?|modules?|range|line|hardware|software|processors?|chips?|integrations?|apps?|platform|edition|firmware|api|dashboards?|add-?ons?|plugins?|tools?|machines?|units?|series|sensors?|printers?|servers?|devices?|generation|functionality|capabilit(?:y|ies)|reporting|analytics|console|portal|mobile app|scanner|scanners|trucks?|vehicles?|engine|system|systems|fleet|formula|material|coating|service|services|tier|plan|facility|facilities|warehouse|warehouses|depot|depots|hub|hubs|branch|branches|route|routes|lane|lanes|rider|riders|program|programs|programme|sku|skus|workflow|screen|interface|connector|connectors|kit|kits|attachment|attachments|data cent(?:er|re)|region|delivery|deliveries|rate card|part|parts|component|components)';
const ROLE =
  '(?:cfo|ceo|cto|cio|coo|cmo|cro|ciso|cpo|vp|svp|evp|director|directors|head of \\w+|heads of \\w+|manager|managers|owner|owners|partner|partners|board|finance|procurement|purchasing|buyer|buyers|legal|it team|it department|it manager|it director|it lead|their it|ops|operations|engineering|engineers?|technical (?:team|lead|advisor|adviser|expert|director)|tech lead|architect|controller|accountant|comptroller|treasurer|principal|superintendent|administrator|boss|colleague|colleagues|team|users|end users|champion|decision makers?|stakeholders?|sponsor|se|solutions? engineer|sales engineer|specialist|expert|product manager|pm|founder|implementation lead|consultant|account manager|customer success|dean|chief \\w+|plant manager|hr|payroll|security team|facilities|maintenance team|foreman|site manager|clinical lead|head nurse|practice manager|counsel|lawyer|lawyers|attorney|clerk|dispatcher|dispatchers|registrar|bursar|nurse|nurses|cno|cmio|ehs lead|safety lead|qa|quality manager|\\w+ lead)';
const DOCUMENT =
  '(?:proposal|proposals|quote|quotes|quotation|specs|specifications|spec sheet|deck|slides|material|materials|brochure|documents?|docs?|pdf|contract|terms|roadmap|numbers|figures|pricing|price list|estimate|roi|business case|sow|statement of work|rfp|answers|findings|results|audit|assessment|options|design|designs|drawings?|mock-?ups?|layout|timeline|implementation plan|checklist|comparison|configuration|samples?|trial results|data|report|case study|agreement|draft|outline|scope|requirements|invoice|sample report|floor plan|runbook|questionnaire|application|certificate|certificates|clauses|redlines?|worksheet|calc|calculation|model)';
const REPORT_NOUN =
  '(?:excerpt|excerpts|extract|report|reports|article|articles|study|studies|survey|surveys|whitepaper|white paper|case study|case studies|benchmark\\w*|research|guide|checklist|webinar|webinars|podcast|blog post|video|videos|infographic|stats|statistics|findings|paper|ebook|e-book|newsletter|playbook|template|calculator|piece|write-up|interview|guidance|guidance doc|ordinance|rankings?|ratings?|reviews|test results|lab results|results|analyst note|research note|summary|one-pager|overview|comparison|side-by-side|reference list|evidence|testimonials?|success stor(?:y|ies)|event|seminar|conference|workshop|roundtable|breakfast|site visit|tour|open house|user group|trade show|expo|forum|masterclass|analysis|data)';
const SHARE_VERB =
  '(?:share|sharing|send|sending|forward|forwarding|bring|bringing|pass on|pass along|show|showing|present|presenting|email|emailing|mail|drop off|give|giving|invite|inviting|point (?:them|him|her) to|highlight|flag|flagging|recommend|(?:reach out|reaching out|follow up|following up|check in|checking in|circle back|circling back|come back|get back|touch base|nudge \\w+|ping \\w+) with)';
const PROBLEM_VERB =
  '(?:halved|fix|fixes|fixing|fixed|solve|solves|solving|solved|patched|sorted out|eliminat\\w*|reduc\\w*|cut|cuts|cutting|lower|lowers|lowering|speed up|speeds up|improv\\w*|prevent\\w*|avoid\\w*|address\\w*|remov\\w*|shorten\\w*|automat\\w*|streamlin\\w*|simplif\\w*|boost\\w*|halve|halves|get rid of|resolv\\w*|protect\\w*|minimi[sz]\\w*|optimi[sz]\\w*|tackle\\w*|recover\\w*|unblock\\w*)';
const PROBLEM_NOUN =
  '(?:downtime|costs?|spend|spending|waste|scrap|errors?|mistakes|delays?|backlog|churn|turnover|outages?|risk|risks|overtime|fuel|energy|returns|complaints|manual work|paperwork|rework|bottlenecks?|lead times?|turnaround|latency|backups?|breakdowns?|failures?|defects?|no-shows|wait times?|headaches?|chargebacks|fraud|fines|penalties|bills?|invoices|stockouts|shrinkage|overheads?|admin|tickets|escalations|callbacks|vacancies|injuries|emissions|shortfall|gap|gaps|losses|inventory|load times?|response times?|footprint|exposure|issues?|problems?|bugs?|glitch\\w*)';
const PRICE_NOUN =
  '(?:price|prices|pricing|cost|costs|rate|rates|fee|fees|premium|premiums|tariff|tariffs|list price|unit price|subscription|surcharge|surcharges|freight|duty|duties|quote|bid)';
/** A quantity: an amount, a share, a multiple, or a span of time ("$11k", "12%", "2x", "4 days", "a day"). */
const QUANTITY =
  '(?:[$€£]?\\d[\\d,.]*(?:k|m|bn|%|x)?(?: (?:percent|points|pts|days?|weeks?|hours?|minutes?|months?|years?|units?|seats?|users?|sites?))?|(?:a|an|one|two|three|half an?) (?:day|week|hour|month|year)s?)';
const COMPARATIVE =
  '(?:lower|less|cheaper|off|under|below|faster|earlier|sooner|quicker|shorter|fewer|smaller|lighter|more efficient|longer|more)';
/** A customer of ours who stands for the prospect: someone like them who has done it already. */
const PEER =
  '(?:co|cos|customers?|clients?|references?|peers?|users?|hospitals?|banks?|schools?|districts?|plants?|firms?|companies|company|stores?|carriers?|colleges?|clinics?|credit unions?|utilit(?:y|ies)|insurers?|retailers?|manufacturers?|distributors?|agenc(?:y|ies)|ceo|cfo|cio|cto|coo|lead|manager|director|team)';
const POSSESSIVE = '(?:their|his|her|your|the clients|the customers|the prospects)';
const BUILD_VERB =
  '(?:email|emailing|forward|forwarding|mail|mailing|post|posting|ship|shipping|courier|drop off|show|showing|pitch|pitching|prepare|preparing|prepared|build|building|put together|putting together|pull together|pulling together|draft|drafting|bring|bringing|send|sending|share|sharing|run|running|create|creating|calculate|calculating|model|modelling|modeling|map|mapping|sketch|sketching|write up|writing up|price out|pricing out|configure|configuring|work out|working out|deliver|delivering|present|presenting)';
const ANALYTIC =
  '(?:samples|sample|swatches|swatch|roi|tco|business case|cost comparison|comparison|side by side|side-by-side|payback|savings (?:estimate|calc\\w*|model|analysis|breakdown)|savings|projection|forecast|audit|assessment|recommendations?|mock-?ups?|prototype|samples?|options|scenarios?|breakdown|analysis|benchmark|health check|gap analysis|sizing|migration plan|rollout plan|implementation plan|pilot plan|floor plan|cost model|total cost|quote for|quote with|proposal for|proposal with|revised (?:proposal|quote|pricing|offer))';

/** A title on their side ("the plant manager", "her IT lead"). */
const TITLE =
  '(?:[a-z-]+ )?(?:manager|mgr|lead|director|engineer|engineers|head|officer|cfo|ceo|cio|cto|coo|ciso|cno|vp|owner|controller|buyer|counsel|clerk|dispatcher|architect|specialist|expert|superintendent|principal|administrator|accountant|nurse)';
/** People on our side the rep can bring to the call. */
const OUR_SIDE =
  '(?:counsel|lawyer|attorney|legal team|engineer|engineers|architect|specialist|expert|experts|advisor|adviser|consultant|ceo|cto|cfo|coo|cio|ciso|founder|product manager|pm|trainer|[a-z-]+ (?:lead|manager|director|officer|engineer|engineers|specialist|expert|team)|(?:[a-z-]+ ){0,2}(?:assessor|auditor|inspector|technician|mechanic|designer|planner|surveyor|estimator|agronomist|dietitian))';
const DURATION = '(?:weeks?|days?|hours?|months?|minutes?|mins?|hrs?)';
const CONTENT_DOC =
  '(?:summary|results|report|note|notes|list|link|calendar|certificate|certification|application|comparison|breakdown|analysis|benchmark|numbers|data|schedule|timeline|runbook|checklist|guide|article|case study|paper|recording|one-pager|one pager|references?|write-?up|sheet|model|calc|calculation|study|memo|letter|video|plan|map|diagram|estimate)';

type Rule = readonly [ValueSignalKind, Strength, RegExp];

/** Every rule, grouped by the kind of value it finds; strong ones first within a kind. */
const RULES: readonly Rule[] = [
  // warranty
  ['warranty', 'strong', phrase(`(?:warranty|warranties|guarantee|guarantees) _4 ${ENDING}`)],
  [
    'warranty',
    'strong',
    phrase(
      '(?:expir\\w*|ending|lapsing|out of|end of|ends of|last months? of|running out of|run out of) _2 (?:warranty|warranties|guarantee)',
    ),
  ],
  ['warranty', 'weak', phrase('(?:warranty|warranties|guarantee|extended cover)')],
  // contract
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
  // A maker ending parts or support for what they run ("maker stops parts in 2025").
  [
    'contract',
    'strong',
    phrase(
      '(?:maker|makers|manufacturer|manufacturers|vendor|oem|factory|mfr) _2 (?:stops?|stopping|stopped|ends?|ending|ended|discontinu\\w*|drops?|dropping|dropped|no longer) _2 (?:parts|spares|spare parts|support|supplying|making|producing|servicing)|(?:parts|spares|spare parts) (?:supply )?(?:stops?|stopping|ends?|ending|run out|runs out|discontinu\\w*)',
    ),
  ],
  [
    'contract',
    'weak',
    phrase('renewal|renewals|maintenance contract|support contract|service contract|service agreement|lease'),
  ],
  // Something of theirs running out ("their fixed electricity tariff ends in October").
  [
    'contract',
    'strong',
    phrase(
      '(?:their|his|her) (?:[a-z&-]+ ){1,3}(?:expires|expiring|expired|ends|ending|runs out|running out|lapses|lapsing|(?:is|comes) up for renewal)',
    ),
  ],
  // deadline
  [
    'deadline',
    'strong',
    phrase(
      '(?:window|deadline|enrol(?:l)?ment|application|applications|registration|filing|cutoff|cut-off|sign-?up|grant|grants|funding|subsidy|subsidies|rebate|offer|promo|promotion|tax credit|allocation) _3 (?:closes|closing|close|closed|ends|ending|expires|expiring|opens|opening|reopens|reopening|runs out|due|hits|lands|looms|approaching|arrives|falls)',
    ),
  ],
  // regulation
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
      `(?:${RULE_NOUN}|${NAMED_RULE}) _4 (?:takes? effect|taking effect|comes? into (?:force|effect)|in force|deadline|kicks? in|goes live|go live|apply to|applies to|applying to|applies|will apply|effective|changes?|changing|starting|starts|from|announced|is coming|tightens)`,
    ),
  ],
  [
    'regulation',
    'strong',
    phrase(
      `(?:adopted|adopts|passed|enacted|approved|published|issued|introduced|tightened|changed|updated|revised|finalised|finalized) _3 (?:${RULE_NOUN}|${NAMED_RULE})|(?:${RULE_NOUN}|${NAMED_RULE}) _3 (?:now )?(?:allow|allows|require|requires|permit|permits|ban|bans|mandate|mandates|lets?|forbid|forbids|exempt|exempts|wants|calls for|asks for)(?![a-z])`,
    ),
  ],
  [
    'regulation',
    'strong',
    phrase(
      '(?:window|enrol\\w*|enroll\\w*|registration|deadline|grant|grants|subsidy|subsidies|funding|rebate|rebates|cutoff|cut-off|filing|application period) _5 (?:closes?|closing|closed|opens?|opening|reopens?|reopening|ends?|ending|expires?|expiring|is due|kicks in|hits)',
    ),
  ],
  [
    'regulation',
    'strong',
    phrase(
      `(?:adopted|passed|introduced|published|issued|enacted|finalised|finalized) (?:the |a |an |new |its |their )?_2 ${RULE_NOUN}|${RULE_NOUN} _2 now (?:allow|allows|permit|permits|require|requires|mandate|mandates|ban|bans)|(?:udi|fdas?|ce|mdr|ivdr|regulatory|compliance|filing|reporting|certification|e-rate) _2 (?:deadline|marking|guidance)|(?:coding|reporting|accounting|billing|tax|filing|labeling|labelling|safety|privacy|emissions?|lease|data) (?:rules? |standards? |requirements? )?(?:change|changes|update|overhaul)|(?:already )?(?:comply|complies|compliant) (?:with )?|(?:meet|meets) (?:the )?(?:[a-z-]+ )?${RULE_NOUN}`,
    ),
  ],
  [
    'regulation',
    'weak',
    phrase(
      `${NAMED_RULE}|regulation|regulations|regulatory|legislation|compliance|directive|mandate|audit|auditors|inspection`,
    ),
  ],
  // new_product
  // A product with a date or a capability: launching on a date, or now doing something it did not.
  [
    'new_product',
    'strong',
    phrase(
      '(?:launch|launches|launching|ships|goes live|is released|releases|comes out|arrives) (?:in|on|this|next|from|by)|(?:software|product|system|app|platform|tool|module|firmware|service|portal|it|our (?:[a-z-]+ ){1,2}) ?now (?!(?:is|was|has|does|needs|wants|seems|looks|says)(?![a-z]))[a-z]+s(?![a-z])',
    ),
  ],
  // A new product aimed at something of theirs ("the new dispatch feature for their Texas drivers").
  [
    'new_product',
    'strong',
    phrase(
      `(?:new|latest|upcoming|newest) _2 ${PRODUCT_NOUN} _3 (?:for (?:their|his|her)|(?:that|which) (?:will |would |can |could )?(?:[a-z]+s|cut|save|remove|fix|cover|reduce|handle)(?![a-z])|so (?:they|he|she))`,
    ),
  ],
  [
    'new_product',
    'weak',
    phrase(
      `(?:new|latest|upcoming|next-gen\\w*|next gen|next generation|newest|just released|recently released|improved|updated|redesigned|faster|lighter|cheaper|smaller) _2 ${PRODUCT_NOUN}`,
    ),
  ],
  [
    'new_product',
    'strong',
    phrase(
      '(?:we|our|weve|rd|r&d|team|company|vendor|they|product team|engineering) _3 (?:launch|launches|launched|release|releases|released|announced|rolled out|rolls out|unveiled|introduced|shipped|ships|added|built|developed|launching|releasing|announcing|rolling out|shipping)(?! (?:solutions?|services?|options?|costs?|rates?|times?|partners?|company|department|products?)(?: |$))|(?:launch|release|announcement|rollout|roll out|arrival) of|now (?:available|supports?|ships|shipping|integrates|works|offers)|just (?:launched|released|announced|came out|shipped|dropped)|(?:came|comes|coming) out|(?:is|are|goes|went) (?:now )?live|(?:is|are) (?:now )?out(?! of)|back in stock|now in stock|in stock again|backorder \\w+ cleared|backorder cleared|(?:stock|shipment) (?:has )?(?:arrived|landed)|(?:lead time|delivery time) (?:is )?(?:down|shorter|cut)',
    ),
  ],
  // Our news told plainly: we now (or since) do, stock or run something we did not ("we now stock
  // loose-leaf", "weve since opened the rooftop"), or have what they lacked ("we have it now").
  [
    'new_product',
    'strong',
    phrase(
      '(?:we|weve) (?:now|since|recently) (?:also )?(?:stock|carry|do|run|offer|sell|ship|deliver|serve|cover|support|have|make|provide|install|service|include|accept|operate|host|fly|build|repair|fit|supply|handle|rent|lease|cater|insure|finance|store|collect|recycle|clean|test|certify|train|open|opened|added|launched|built) (?!(?:to|it|that|this|them|you|him|her|not|no|a call|the call)(?![a-z]))[a-z0-9]+|we (?:have|offer|support|do|stock|carry) (?:it|that|this|one) now',
    ),
  ],
  // A dated model that has what they lacked ("the 2025 model has auto-lube").
  [
    'new_product',
    'strong',
    phrase(
      '(?:20\\d\\d|new|newer|latest|current) (?:[a-z-]+ )?(?:model|models|version|range|series|edition|generation) (?:now )?(?:has|have|comes with|come with|includes|adds|fixes|handles|does away with)(?![a-z])',
    ),
  ],
  [
    'new_product',
    'strong',
    phrase(
      '(?:firmware|release|update|upgrade|version|app|software|product|platform|module|model|plan|tier|edition|range) _2 (?:now )?(?:adds|added|brings|introduces|introduced|unlocks|includes the)',
    ),
  ],
  [
    'new_product',
    'strong',
    phrase(
      '(?:we have|we|weve got|we got|we now have|has|have) _4 (?:in stock|on the shelf|ready to ship|available now)',
    ),
  ],
  [
    'new_product',
    'weak',
    phrase(
      '(?:new|latest|upcoming) (?!year|years|quarter|month|week|budget|contact|person|role|job|office|hire|cfo|ceo|manager|boss|team|lead|leads|owner|start|fiscal|financial|info|information|emails?)\\w+|v\\d+(?:\\.\\d+)*|version \\d+(?:\\.\\d+)*|launch|release',
    ),
  ],
  // price_drop
  // A price that moved by a stated amount ("LTL rates on his lane are down 9%").
  [
    'price_drop',
    'strong',
    phrase(
      '(?:down|lower|cheaper|fell|dropped|drops|falls|off) (?:by )?(?:about |around |nearly |almost |over |some )?[$€£]?\\d[\\d,.]*(?:%|k|p|c)(?![a-z])',
    ),
  ],
  [
    'price_drop',
    'strong',
    phrase(
      `${PRICE_NOUN} _4 (?:drop\\w*|reduc\\w*|cut|cuts|lower\\w*|decreas\\w*|down|fell|fall\\w*|slash\\w*|eas(?:e|es|ing)|came down|come down|coming down|going down|went down|gone down)`,
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
      `(?:${PRICE_NOUN}|shipping) _3 (?:go|goes|going|will go|are going|went) up|(?:${PRICE_NOUN}|shipping) _5 (?:rise|rises|rising|increase|increases|increasing|jump|jumps|up by|is up|are up)|(?:price|prices|pricing) (?:increase|rise|hike)|(?:before|ahead of) the (?:price )?(?:increase|rise|hike)`,
    ),
  ],
  [
    'price_drop',
    'strong',
    phrase(
      '(?:tariff|tariffs|duty|duties|surcharge|surcharges|prices|rates|premiums?|costs?) _6 (?:rise|rises|rising|increase|increases|go up|goes up|jump|jumps)|(?:raises?|raising|increases?|increasing|doubles?|doubling) (?:their|your|his|her) (?:[a-z-]+ )?(?:costs?|bills?|premiums?|rates?|fees?|spend)|(?:charge|tariff|rate|fee|pricing|billing) (?:structure )?(?:change|changes|overhaul|hike)',
    ),
  ],
  [
    'price_drop',
    'strong',
    phrase(
      '(?:[$€£]\\d[\\d,.]*(?:k|m|bn)?|\\d[\\d,.]*(?:k|m|%))(?: ?/ ?[a-z]+)? (?:[a-z]+ )?(?:lower|less|cheaper|off|saving|savings|reduction|discount|under)|(?:surcharges?|freight|steel|material|component) (?:costs? |prices? )?(?:are |is )?(?:falling|easing|dropping|down)',
    ),
  ],
  // special_offer
  [
    'special_offer',
    'weak',
    phrase(
      '(?:special|limited|exclusive|promo\\w*|introductory|seasonal|launch|loyalty|volume|bundle|bundled|early-?bird|early bird|year-?end|year end|end of (?:quarter|year)|q[1-4]|trade-?in|upgrade|multi-?year|\\d+-?year|renewal) _1 (?:offer|offers|deal|deals|pricing|price|promotion|discount|rate|incentive|package|credit|bonus)',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:offer|offering|give|giving|extend|extending|apply|applying|secure|securing|approved|approval for|sign off on|got) _3 (?:discount|rebate|credit)|coupon|voucher|trade-?in|buy-?back|waive\\w*|free (?:trial|install\\w*|training|month|months|upgrade|audit|assessment|pilot|shipping|delivery|onboarding|setup|set-up|consult\\w*|licen[cs]es?|seats?|support|service|health ?check|review|evaluation|migration|demo|sample|samples|implementation|year|weeks?)|\\d+ (?:months|weeks|days) free|(?:price|rate|pricing) (?:lock|locked|freeze|frozen|guarantee)|lock (?:in )?_2 (?:price|prices|pricing|rate|rates)|complimentary|on the house|at no cost|(?<!(?:feel|feels|if|when|are|is|be|am|were|was|stay|keep|theyre|youre|hes|shes|im|get|gets|got|set|sets|break|breaks|hands) )free (?!(?:up|time|to|of|for|slot|slots|moment|next|now|today|tomorrow|tonight|this|that|at|on|in|and|or|so|but|then|later|again|after|before|until|from|with|week|weekend|morning|afternoon|evening|day|days|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z]))[a-z]+',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:at|for|on) (?:last years|the old|the current|todays|the same|this years|current|existing|the existing) (?:price|prices|pricing|rate|rates|terms)|(?:at|for) no (?:additional|extra) (?:cost|charge)|(?:at no|no extra|no additional|without extra) (?:cost|charge)|(?:now|will now) (?:include|includes|comes? with|covers?)|included free',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      'loaner|loan unit|courtesy (?:unit|car|vehicle|device)|stand-?in unit|temporary (?:replacement|unit|cover)|replacement unit',
    ),
  ],
  [
    'special_offer',
    'strong',
    phrase(
      '(?:state|federal|government|eu|county|city|energy|tax|utility|broadband) (?:grant|grants|subsidy|subsidies|rebate|rebates|credit|credits|funding|incentive|incentives)|(?:freez\\w*|lock\\w*|holding|hold) (?:in )?(?:\\d+ |our |their |current |todays |the |last years )*(?:prices|pricing|rates?)|(?:pay|paying|cover|covering|absorb|absorbing|waive|waiving|buy out|buying out) (?:their|the|his|her) (?:[a-z-]+ )?(?:fee|fees|penalty|penalties|exit costs?|termination|switching costs?)|(?:approved|preferred|state) (?:vendor |purchasing )?list|title (?:i|1|iv|4) funds?|can use (?:[a-z-]+ ){0,2}funds?|pre-?approved|pre-?qualified|qualif(?:y|ies) for|(?:our|the) [a-z-]+ qualifies|eligible for|without (?:an? )?(?:rfp|tender|bid|bidding)|(?:state|government|gsa|cooperative|co-op|framework) (?:contract|agreement|pricing|vehicle)',
    ),
  ],
  // Interest-free terms ("0% over 24 months on the planter").
  ['special_offer', 'strong', phrase('0 ?% (?:over|for|financ\\w*|apr|interest)(?![a-z])')],
  [
    'special_offer',
    'weak',
    phrase('discount\\w*|rebate\\w*|offer|incentive|package|bundle|bundled|promotion|promo'),
  ],
  [
    'special_offer',
    'weak',
    phrase('grant|grants|subsidy|subsidies|funding|tax credit|tax credits|financing'),
  ],
  // better_system
  // An alternative we can offer them, or where we beat what they have.
  [
    'better_system',
    'strong',
    phrase(
      '(?:we|i) (?:can|could|will|are able to) (?:now |also )?[a-z]+ _3 (?:instead of|rather than)|(?:we|our [a-z-]+) (?:beat|beats|outperform\\w*|undercut\\w*|outlast\\w*) _2 (?:on|in|by|for)',
    ),
  ],
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
    phrase('\\d\\S* _3 (?:instead of|rather than|compared to|compared with|versus|vs) _2 \\d\\S*'),
  ],
  [
    'better_system',
    'strong',
    phrase(
      `${QUANTITY} _1 ${COMPARATIVE} (?:than|per|a|each|every|for|on|in|to|$)|${QUANTITY} ${COMPARATIVE}(?! (?:time|times|often|calls?|emails?|touch\\w*|follow))|(?:earlier|sooner|faster|cheaper|quicker|lower) than (?:quoted|planned|expected|promised|before|today|now|their|the current|what)|(?:drop|drops|dropping|dropped|fall|falls|falling|cut|cuts|down|reduc\\w*|shrink\\w*|improv\\w*|rise|rises|rising|goes|go|went|up) from [$€£]?\\d|(?:cut|cuts|cutting|reduc\\w*|lower\\w*|shorten\\w*|sav(?:e|es|ing)|speed\\w* up|drop\\w*|beat\\w*|undercut\\w*) _4 by (?:a|an|one|half|\\d)|[$€£]?\\d[\\d,.]*(?:k|m|%)? _2 (?:saving|savings|reduction|discount|rebate|credit|off)(?![a-z])`,
    ),
  ],
  [
    'better_system',
    'strong',
    phrase(
      '(?:their|your|his|her) (?:current |existing |old |leased |legacy )?_3 (?:vs|versus|compared to|compared with|against) (?:our|ours)|(?:compar\\w*|side-by-side|side by side) _5 (?:vs|versus|against|with|to) (?:our|ours|what we)',
    ),
  ],
  [
    'better_system',
    'strong',
    phrase(
      '(?:fits?|fitting|within|matches|matching) (?:the |their |his |her )?(?:[a-z-]+ )?(?:budget|spend|price point)|(?:smaller|starter|leaner|entry-level|scaled-down) (?:[a-z-]+ )?(?:package|plan|bundle|tier|option|edition|version|configuration|phase|pilot|rollout|scope|start)|(?:phase|phasing|phased|split|splitting|spread|spreading|stage|staging|stagger\\w*) (?:the |their )?(?:[a-z-]+ )?(?:rollout|payments?|costs?|capex|investment|deployment|project|purchase|spend|roll-out)|(?:migration|upgrade|transition) (?:path|plan|offer|credit)|end-of-(?:life|support|sale)|bridging (?:discount|offer|credit|licen[cs]e)',
    ),
  ],
  [
    'better_system',
    'weak',
    phrase(
      '(?:already |fully )?(?:complies|comply|compliant|qualifies|qualify|eligible|pre-?approved|certified|meets? the|fits? (?:the|their|his|her|your))|(?:our|the|this) \\w+(?: \\w+)? (?:handles|covers|supports|solves|fixes|meets|addresses) (?:it|this|that|them|the|their|all)',
    ),
  ],
  // report
  ['report', 'weak', phrase(`${SHARE_VERB} _4 ${REPORT_NOUN}`)],
  [
    'report',
    'strong',
    phrase(
      `(?:a|an|this|new|recent|latest|fresh|another|great|good|useful|short|interesting|relevant|industry) _1 ${REPORT_NOUN} _3 (?:on|about|showing|shows|that shows|comparing|covering|where|which|how|from|by)`,
    ),
  ],
  [
    'report',
    'strong',
    phrase(
      '(?:features|featuring|mentions|mentioning|quotes|quoting|profiles|profiling|covers|about) (?:their|his|her) (?:main |closest |biggest |local )?(?:competitors?|rivals?|peers?|industry|sector|market|region)',
    ),
  ],
  [
    'report',
    'strong',
    phrase(
      `(?:share|sharing|send|sending|email|emailing|bring|bringing|forward|give|show|present|mail|provide|attach|pull together|put together|prepare|build|draft) _5 ${CONTENT_DOC} (?!for (?:review|feedback|approval|signature|signing|sign|a decision|them to sign))(?:that|which|showing|shows|on|about|of|for|from|comparing|covering|ranking|ranks|highlighting|with (?:their|his|her)|so|to (?:the|their))`,
    ),
  ],
  ['report', 'weak', phrase(`(?<!(?:the|my|our|that|their|his|her|your|last|previous) )${REPORT_NOUN}`)],
  // deliverable
  [
    'deliverable',
    'strong',
    phrase(
      `${BUILD_VERB} _3 ${ANALYTIC}|(?:samples?|swatch\\w*|prototype|mock-?ups?|trial unit|loaner|demo unit) (?:that |which )?(?:you|they|he|she) (?:asked for|requested|wanted|needed)`,
    ),
  ],
  [
    'deliverable',
    'strong',
    phrase(
      '(?:summary|overview|outline|plan|breakdown|explanation|write-?up|one-pager|sketch|proposal|note) (?:of|on|showing) how (?:we|wed|we would|we will|we can|our \\w+)|how (?:we|wed|we would|we will|we can|we could|our \\w+) (?:would |will |can |could )?(?:handle|solve|cover|fix|support|manage|deal with|address|meet|integrate|staff|migrate|roll out|phase|structure|run)',
    ),
  ],
  [
    'deliverable',
    'strong',
    phrase(
      `(?:pre-?filled|pre-?populated|filled-? in|tailored|customised|customized|personalised|personalized|bespoke|prepared) _2 ${DOCUMENT}|(?:on|with|using|against|from|for) (?:their|his|her) (?:own|actual|real|live) \\w+|(?:on|with|using) (?:their|his|her) (?:data|sample data|numbers|figures|volumes|transactions|routes|files)|(?<!(?:as|like|since|because|when|what|whatever|if|per|once|after|before|until|where|how|why) )(?:you|they|he|she|(?:their|his|her) (?:[a-z-]+ ){0,2}(?:officer|manager|lead|director|team|head|engineer|buyer|cfo|ceo|cio|cto|ciso|owner|admin|staff)) (?:asked for|asked about|requested|wanted|asked|mentioned|described|raised|flagged|questioned|complained about|struggled with)(?! (?:to|me|us|for a (?:call|callback|call back)|if|whether|when|how|that))`,
    ),
  ],
  [
    'deliverable',
    'strong',
    phrase(
      '(?:we|i) (?:drafted|prepared|built|wrote|ran|pulled|made|created|put together|compiled|modeled|modelled|mapped) (?:for|on|with) (?:them|their|his|her)|the (?:[a-z-]+ ){1,2}(?:we|i) (?:ran|built|drafted|prepared|pulled|compiled|modeled|modelled)|pre-?filled|(?:translated|locali[sz]ed|tailored|customi[sz]ed|personali[sz]ed|bespoke|site-specific|annotated|marked-up|redlined) [a-z-]+',
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
    'deliverable',
    'weak',
    phrase(
      '(?:send|sending|email|emailing|share|sharing|forward|forwarding|mail|mailing|bring|bringing|give|giving) (?:them |him |her |\\w+ )?(?:the|a|an|our|this|that) (?!(?:usual|same|standard|generic|quick|friendly|short|brief|another|reminder|follow|calendar|meeting|invite|note|email|mail|message|line|text|ping|nudge|bump|update|information|materials?)(?![a-z]))[a-z0-9-]+(?: [a-z0-9-]+){0,2} (?:that|which|showing|shows|ranking|ranks|comparing|highlighting|covering|explaining|proving|for (?:the|their|his|her)|on (?:the|their|how))',
    ),
  ],
  [
    'deliverable',
    'weak',
    phrase(
      '(?:we|well|we will|we can|we could|were able to|able to) (?:now |also |easily |still )?(?:deliver|ship|install|migrate|resubmit|handle|host|integrate|configure|train|set up|match|beat|waive|start|provide|supply|source|cover|fit|finish|complete|hold|reserve|guarantee|turn around|expedite|fast-track)',
    ),
  ],
  // review_together
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
      `walk (?:(?!away|out|in)\\w+ (?:\\w+ ){0,2})?(?:through|thru)|walkthrough|walk-through|(?:go|going|run|step|talk|work|get) (?:them |him |her )?(?:through|over) _2 (?:the |our |my |their |your |each |all |every |a |this |that )?${DOCUMENT}|(?<!(?:put|putting|puts|get|getting|got|work|working|business|come|coming|partner|partnering|bring|pull|grow|growing|go) )together|screen ?share|screenshare|(?:open|pull up|grab) (?:the|their|our) ${DOCUMENT}`,
    ),
  ],
  [
    'review_together',
    'strong',
    phrase(
      `line by line|page by page|section by section|point by point|clause by clause|(?:review|reviewing|go over|going over|go through|going through|walk through|walking through) (?:it|them|this|that|the \\w+|each \\w+) (?:together )?with (?:the |their |his |her )?\\w+`,
    ),
  ],
  [
    'review_together',
    'strong',
    phrase(
      '(?:walk|walking) (?:[a-z-]+ ){1,3}(?:through|thru)|(?:reconcile|compare|map|match|check) _4 (?:against|with|to) (?:their|his|her)|(?:go|going|walk|walking|run|running) (?:over|through|thru) _4 with (?:the|their|his|her|our)|(?:working|work) session|co-?build|(?:review|go through|go over) (?:it|this|them) with (?:the |their |his |her )?(?:procurement|finance|legal|it|ops|purchasing|[a-z]+ team|the|their|his|her)',
    ),
  ],
  // stakeholder
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
  ['stakeholder', 'strong', phrase(`(?:get|getting) _2 ${ROLE} _4 (?:on|in|into|involved|onto|to join)`)],
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:reach out to|meet|meet with|meeting with|call with|set up a (?:call|meeting) with|set a call with|present to|joint (?:call|session|meeting) with) _3 (?:the |their |his |her |both |all |each )${ROLE}|(?:second|another|other|more|additional) (?:stakeholder|stakeholders|contact|contacts|decision maker|person|people|voice|voices)|multi-?thread\\w*|(?:with|to) (?:the )?(?:two|three|both|all) of them`,
    ),
  ],
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:ask|asking|invite|inviting|get|getting|have|bring|want|wants|arrange for|set up for) _4 (?:to join|join us|join the call|join in)|(?:join|joins|joining) (?:us )?(?:with|on the call|on the line)|on the line|(?:3-way|three-way|joint|intro|introduction|introductory) (?:call|meeting|session|email)|(?:with|and|plus|bring|bringing|have|add|adding) our ${OUR_SIDE}|(?:intro|intros|introduction) (?:to|between|of|with)`,
    ),
  ],
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:present|presenting|show|showing|demo|demoing|pitch|pitching) _4 to (?:the |their |his |her |both |all )?${ROLE}`,
    ),
  ],
  [
    'stakeholder',
    'strong',
    phrase(
      `(?:with|and|bring|bringing|loop in|invite|plus|join|joins|intro|introduce|between \\w+ (?:\\w+ )?and) (?:our|my) _1 ${OUR_SIDE}|(?:our|my) ${OUR_SIDE} (?:to join|joins|will join|on the (?:call|line)|can answer|to answer|to walk|to go)|(?:get|getting|have|bring) _3 ${TITLE} _4 (?:on|in|into|onto) (?:the|a|our) _1 (?:call|meeting|session|zoom|line)|join\\w* (?:with|along with) (?:his|her|their) (?:[a-z-]+ )?(?:engineer|engineers|lead|manager|director|cfo|controller|counsel|officer|head|architect|cno|ciso)|intro\\w* (?:their|his|her)`,
    ),
  ],
  [
    'stakeholder',
    'weak',
    phrase(
      `(?:talk to|speak to|speak with|talk with|contact|call|email|ring) _1 (?:the |their |his |her )${ROLE}`,
    ),
  ],
  // demonstration
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
      '(?:tasting|sampling|fitting|test run|demo|demonstration|trial|pilot|poc|proof of concept|test drive|sandbox|hands-on|onsite visit|site visit|live run|visit|tour) (?:of|for|on|showing|with|covering|focused|around|using|in their|at their|to)',
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      'reference (?:customer|customers|client|clients|site|sites|call|calls|visit|account|accounts|list|lists|letter|letters)|(?:customer|customers|client|clients) (?:like|similar to) (?:them|him|her)|(?:a|the|of) similar \\w+',
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      '(?:see|watch|try|test|seeing|watching) (?!if |whether )_5 (?:live|in action|(?<!the )running|in production|working|on site|in use)(?![a-z])',
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      '(?:our|a|an) (?:customers?|clients?|users?) (?:at|in|from|over at)|(?:who|that|which) (?:did|ran|runs|run|went through|rolled out|migrated|implemented|deployed|installed|uses|use|had|solved|fixed|cut|automated) _3 (?:same|similar)|the same (?:[a-z-]+ ){0,2}(?:rollout|erp|integration|setup|system|migration|line|cell|stack|platform|problem|challenge|bed count|ehr|size|process|project|upgrade|implementation|software|machines?|equipment)|of (?:similar|the same|comparable) size|similar-?sized?|(?:a|an) (?:similar|comparable) (?!time|day|week|month|call|email|message|note)[a-z]+|references? (?:list|from|at|in)|(?:like|similar to) (?:theirs|them|yours|his|hers)|(?:who|that) (?:are |is )?(?:already )?(?:using|use|uses|run|running|runs) our|intro\\w* _5 (?:to|with) (?:our|my)',
    ),
  ],
  [
    'demonstration',
    'strong',
    phrase(
      '(?:on|with|using|against) (?:their|his|her) (?:own|actual|real|live)|(?:see|try|test) (?:it|them|our|the) (?:[a-z-]+ ){0,2}(?:live|in action|running|working)|(?:tour|visit) (?:at|to)|(?:loaner|demo|trial|evaluation|test) (?:unit|units|device|devices|machine|kit)|(?:theyd|they would|youd|you would|hed|he would|shed|she would) (?:like|want) (?:us|me) to |want (?:me|us) to (?:reopen|set up|run|send|prepare|show|walk|extend|reserve|map)|(?:share|explain|tell (?:them|him|her)) how (?:our|we|the|a|an|one|another|other)|(?:training|onboarding) (?:session|sessions|day|workshop|course) (?:for|with|on)',
    ),
  ],
  [
    'demonstration',
    'weak',
    phrase(
      'demo|demonstration|trial|pilot|poc|proof of concept|test drive|sandbox|hands-on session|workshop',
    ),
  ],
  ['demonstration', 'weak', phrase('(?:demo|show|present|preview) (?:it|them|this|that)')],
  // peer_reference
  [
    'peer_reference',
    'strong',
    phrase(
      `${PEER} _6 (?:the same|same|similar|a similar|comparable|identical)|(?:same|similar|comparable) (?:size|sized|industry|sector|setup|set-up|volume|volumes|footprint|bed count|stack|erp|ehr|process)|(?:our|a|an) (?:\\w+ )?(?:customer|client|user|reference) (?:at|in|from) \\w+|(?:our|a) (?:\\w+ )?(?:customer|client|reference) (?:who|that|which) (?:did|ran|runs|migrated|rolled|implemented|went|deployed|switched|installed|uses|use|solved|cut|moved|replaced)|(?:plant|site|factory|customer) (?:tour|visit)`,
    ),
  ],
  [
    'peer_reference',
    'strong',
    phrase(
      '(?:who|that|which) (?:are |is |have been |has been )?(?:already )?(?:using|use|uses|running|run|runs|rely on|relies on|switched to|moved to|buying from|buy from|bought) (?:our|us|it|the same)|(?:share|sharing|pass on|passing on|bring|bringing) _2 (?:feedback|testimonials?|quotes|reviews|stories) (?:from|of|by)',
    ),
  ],
  // prospect_problem
  // Something of theirs made better ("cuts their ground transit", "removes their manual invoice entry").
  [
    'prospect_problem',
    'strong',
    phrase(`(?:${PROBLEM_VERB}|covers?|closes?|fills?|halves) _2 (?:their|his|her) [a-z-]+`),
  ],
  // A peer of theirs who got a result with us ("a mining co that halved haul-truck idling").
  [
    'peer_reference',
    'strong',
    phrase(
      `(?:a|an|one|another) (?:[a-z-]+ ){0,2}${PEER} (?:that|who|which) (?:${PROBLEM_VERB}|doubled|tripled|saved|switched|moved)`,
    ),
  ],
  // What they asked or raised, answered: the plan is built on their question, not on our agenda.
  [
    'prospect_problem',
    'strong',
    phrase(
      `(?<!(?:i|we|to|and|me|us) )(?:(?:was|were) (?:asking|wondering)|asked|raised|questioned|wondered|worried)(?: [a-z]+)? (?:about|if|whether|for|how|why|what|which)(?! (?:a |another )?(?:call|callback|call back|ring|update|decision)(?: |$))(?! (?:i|we) (?:could|can|would) (?:call|ring|check|follow|reach|get back|touch|send))`,
    ),
  ],
  // Their must-have answered: the plan points back at what they said they could not do without.
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:that|which|this|it) (?:was|is|were) (?:their|his|her) (?:[a-z-]+ )?(?:must-haves?|must have|dealbreaker|deal-breaker|deal breaker|sticking point|non-negotiable|condition)',
    ),
  ],
  // A slot or date they wanted, freed up ("the date is theirs if they want it").
  [
    'deadline',
    'strong',
    phrase(
      '(?:slot|slots|date|dates|spot|space|room|booking|opening|table|appointment|seat|seats|berth|venue|week|weekend) _2 (?:freed up|frees up|opened up|opens up|came free|came up|became available|is (?:now )?(?:free|available|open|theirs|his|hers|yours))',
    ),
  ],
  // A named part of the material they have not read, gone to together ("go straight to p.2").
  [
    'review_together',
    'strong',
    phrase(
      '(?:go|going|turn|turning|skip|jump|flip|head) (?:straight |right |directly )?to (?:p\\.?\\d+|page|pages|pg|section|slide|slides|chapter|clause|table|tab|figure|appendix|annex)(?![a-z])|(?:go|going|walk|walking|talk|talking) (?:them |him |her )?(?:through|thru|over) (?:where|why|which)(?! (?:things|we|it|its|everything|matters|the deal|this|they)(?![a-z]))(?![a-z])',
    ),
  ],
  // A cost or burden it removes for them ("pay-per-scan = no capex").
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:no|zero) (?:upfront |up-front |extra |additional |more )?(?:capex|capital outlay|upfront (?:cost|costs|fee|fees|payment)|downtime|install fee|setup fee|switching cost|exit fee)',
    ),
  ],
  [
    'prospect_problem',
    'weak',
    phrase(
      `(?:their|his|her|[a-z]+s) (?:main |biggest |top |key |last |only |real |big )?(?:[a-z-]+ ){0,2}${CONCERN}`,
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
      '(?:answer|answers|solution|solutions|response|fix|workaround) (?:to|on|for) _3 (?:q|qs|question|questions|concern|concerns|issue|issues|problem|problems|request|requests|objection|objections|query|queries)',
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:fixed|solved|resolved|patched|addressed|sorted|closed) _4 (?:issue|issues|problem|problems|bug|bugs|errors?|gap|gaps|concern|concerns|complaint|complaints|limit|limitation)',
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:failure|failures|defect|defects|fault|faults|outage|outages|breakdown|breakdowns|issue|problem|error|errors|leak|leaks|recall) (?:that )?(?:they|he|she|their team|their plant|their site) (?:had|have|saw|see|reported|logged|hit|ran into|keep having)',
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      `(?:lead times?|delivery times?|transit(?: times?)?|wait(?:ing)? times?|turnaround|shipping times?|delivery) _5 (?:drop\\w*|down|shorter|shortened|cut|halved|reduced|faster|improved)|from \\d+ ${DURATION} to \\d+|\\d+ ${DURATION} (?:earlier|sooner|faster|quicker|shorter|ahead)|(?:is|are|now|finally|back) (?:[a-z]+ )?in stock|recall\\w* (?:on|of|affects?|affecting)|(?:new|faster|next-day|same-day|two-day|2-day|overnight) (?:[a-z-]+ )?(?:delivery|shipping)|(?:their|his|her) (?:[a-z-]+ ){0,3}(?:officer|lead|manager|director|engineer|buyer|cfo|ceo|cio|cto|ciso|controller) (?:asked for|requested|asked about)|(?:ends?|ending|ended|dropped|drops|dropping|discontinu\\w*|stops?|stopping|pulled) (?:its |their )?(?:support|cover|coverage)|(?:first|early|priority) access|beta (?:of|access|program)|can (?:now )?ship (?:tomorrow|today|this week|next week|\\d+)|back-?order _5 (?:cleared|clears|resolved|over)|(?:shortage|backlog|delays?) _2 (?:easing|eased|over|ended|cleared|resolved)|(?:fixed|solved|resolved|patched) (?:the|their|your|his|her|that)|(?:they|their [a-z-]+(?: team)?|he|she) (?:questioned|flagged|raised|doubted|worried about|complained about|pushed back on)|(?:which|that) (?:was|is|were) (?:their|his|her) (?:[a-z-]+ )?(?:gripe|worry|question|complaint|ask|request|pain|blocker|concern|issue|problem|objection|priority|wish|requirement)|(?:their|his|her) (?:top|main|biggest|last|key|first|number one) (?:complaint|ask|request|blocker|concern|objection|issue|pain point)|(?:we|i) (?:can|could|will) (?:now )?(?:deliver|ship|supply) _3 \\d+|(?:cutting|cuts|cut|reducing|reduces|shortening|saving) (?:the |their |your )?(?:transit|travel|delivery|drive|lead|wait|setup|reset|onboarding|close|closing|processing|cycle)|(?:facility|warehouse|depot|hub|data cent\\w+|distribution cent\\w+|plant) _3 (?:opens?|opening|opened|is live|goes live)`,
    ),
  ],
  [
    'prospect_problem',
    'strong',
    phrase(
      '(?:our|the) (?:[a-z-]+ ){0,3}(?:module|modules|panels|pavers|product|products|bundle|package|pack|packs|kit|kits|course|courses|line|system|solution|feature|tool|platform|units|machines|software|plan|rider|add-on|controller|service) (?:already )?(?:compl\\w+|cover|covers|handle|handles|meet|meets|targets?|solves?|fixes|avoids?|addresses|lowers?|reduces?|cuts?|saves?|shortens?|automates?|simplifies|eliminates|prevents|catches|shaves|offsets|pays? (?:for itself|back))|already (?:supports?|handles?|covers?|includes?)',
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
    'prospect_problem',
    'weak',
    phrase(
      `(?:so|so that|means|which means|meaning) (?:they|he|she|(?:their|his|her|the) (?:[a-z-]+ ){0,2}[a-z-]+) (?:can|could|will|would|wont|dont|no longer|never|stop|get)|(?:affects|affect|impacts|impact|applies to|hits) (?:their|his|her|all their)|without (?:a|an|the) (?:rfp|tender|bid|variance|downtime|outage|shutdown)`,
    ),
  ],
  // news
  [
    'news',
    'strong',
    phrase(
      '(?:their|his|her) (?:[a-z&-]+ ){0,2}(?:insurer|supplier|vendor|provider|carrier|competitor|bank|lender|distributor|contractor|broker|landlord|isp|host|reseller|integrator|agency) _3 (?:dropped|drops|discontinu\\w*|raised|raises|is raising|stopped|stops|exited|exits|is exiting|no longer|went bust|is closing|closed|cancel\\w*|increas\\w*|hiked|pulled out|withdrew)',
    ),
  ],
  [
    'news',
    'weak',
    phrase(
      '(?:we|weve|we have|our company|our firm|our team) (?:just |now |recently |finally |officially )?(?:won|signed|opened|landed|secured|earned|achieved|obtained|received|passed|partnered|been awarded|got certified|got approved|added|hired|acquired|expanded)',
    ),
  ],
  // Growth on their side: a site, a contract or a line of theirs that did not exist when we last spoke.
  [
    'news',
    'weak',
    phrase(
      '(?:they|theyve|he|she|you|youve) (?:just |recently |have |has )?(?:opened|acquired|won|launched|built|took over|bought|landed) (?:a|an|the|their|his|her|second|third|new|another) [a-z-]+',
    ),
  ],
  // empathy
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
      'no pressure|apologi[sz]e|if now (?:isnt|is not) (?:the right|a good) time|if the timing (?:isnt|is not) right|until (?:youre|you are|theyre|they are|hes|he is|shes|she is) ready|leave (?:you|them|him|her) be|(?:know|understand|realise|realize|appreciate) (?:that )?(?:things|it|life|work) (?:have|has|are|is|must be) (?:been )?(?:very |really |so |crazy )?(?:hectic|crazy|busy|full on|intense)|how (?:busy|swamped|hectic|slammed|stretched) (?:youre|you are|theyre|they are|hes|he is|shes|she is|things are|it is|its)|(?:dont|do not|no need to|needn?t) (?:worry|feel|have to|need to)? ?(?:about )?(?:calling|call|getting back|replying|reply|responding|respond|rush)|(?:apologi[sz]e|sorry) (?:if|for)|if (?:theres|there is) anything (?:you|they|he|she) (?:were|was|are|is) expecting|whenever (?:youre|you are|theyre|they are|hes|he is|shes|she is) ready|at (?:your|their|his|her) (?:own )?pace|on (?:your|their|his|her) (?:own )?timeline|no rush|(?:know|understand|realise|realize|appreciate|imagine) (?:that |how )?(?:youre|you are|theyre|they are|hes|he is|shes|she is|things are) (?:very |really |so |crazy |super )?(?:busy|swamped|slammed|stretched|buried|flat out|hectic)|(?:whatever|anything) (?:you|they|he|she) need|apologies|sorry|(?:too|been) pushy|whatever (?:you|they|he|she) decides?|happy to help|no hard feelings|regardless of (?:whether|the outcome)|either way|no obligation|no strings|(?:thats|its|that is|it is) (?:totally |completely |perfectly |absolutely )?(?:ok|okay|fine|understandable|normal)|priorities (?:change|shift)|(?:would|does) it help if|gone quiet|no stress|no worries|(?:look|read|reply|respond|get back)(?: to (?:me|us|it))? (?:whenever|when(?:ever)? (?:you|they|he|she) (?:can|like|want|get a chance))',
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

/** Material whose content is only a greeting ("a personalised video saying hi") carries nothing for them. */
const GREETING_ONLY = phrase('^(?: [^ .]+){0,2}? (?:saying|say|to say|that says) (?:hi|hello|hey)');

/** The words the value patterns are written with: all are protected from correction, the long ones are targets. */
export const VALUE_KEYWORDS = keywordsOf([...RULES.map(([, , pattern]) => pattern), GREETING_ONLY]);

/** The rules scanned once per kind and strength. */
const SCANS = new GatedScans(
  RULES.map(([kind, strength, pattern]) => [`${kind} ${strength}`, pattern] as const),
);
const KIND_AND_STRENGTH = new Map(
  RULES.map(([kind, strength]) => [`${kind} ${strength}`, [kind, strength] as const]),
);
/** Short value words are too close to everyday words to correct into ("lunch" is not "launch"). */
export const VALUE_CORRECTION_TARGETS = VALUE_KEYWORDS.filter((word) => word.length >= 6);

const CLAUSE_BREAK = phrase('\\.|and|but|then|also|plus|so|or|while');
const CHECK_FRAME = phrase(
  '(?:see|ask|asking|find out|check|confirm|know|hear|learn|wonder|seeing) (?:if|whether)(?! (?:they|he|she|you) ?(?:d|would|wd) (?:like|want|prefer|be interested))(?!(?: [^ .]+){1,3} (?:wants?|needs?|would like|d like|would want|can join|could join|would join|can use|could use)(?: |$))|(?:ask|asking|find out|check|wonder) (?:when|what|how|who|where|why)|(?:did|have|has) (?:they|he|she|you)|what (?:they|he|she) (?:think|thought)',
);
/** Asking for the decision itself ("to get a final answer"): what follows is the rep's goal, not a gift. */
const DECISION_LEAD =
  /(?:get|secure|obtain|ask for|push for|press for|chase|collect|need) (?:the |a |an |their |his |her |final |formal |clear )*$/;
/** A call or meeting that is a check-in by name ("a catch-up call with the facilities director"). */
const CHECK_IN_LEAD =
  /(?:catch-?up|catch up|check in|check-in|touch base|touchpoint|sync|coffee|hello|get together) $/;
/**
 * A topic only reminded of or hedged ("remind them about the promo", "something about the new rules"): the
 * rep names what to talk about, not what it gives the prospect. (Mentioning is telling: "mention the
 * warranty, it ends next month" brings news.)
 */
const TOPIC_ONLY_LEAD =
  /(?:(?:remind|reminding|touch base|check in|checking in)(?: (?:them|him|her|you|[a-z]+))?(?: about| of| on| regarding| re)?|(?:something|anything|stuff|some stuff|some things|some info|a bit) (?:about|on|regarding|re)) (?:the |our |a |an |that |this |some |those |these |any )?(?:[a-z-]+ )?$/;
/** Praise of our own offering with nothing in it ("some really great stuff your team will love"). */
const PUFFERY = /(?:great|cool|exciting|awesome|amazing|neat) (?:stuff|things|features|updates|news)/;
/** A stated purpose that only checks where things stand ("to see what the next step is from her side"). */
const STATUS_PURPOSE = phrase(
  '^(?: [^ .]+){0,6}? (?:to|and) (?:see|ask|find out|check|confirm|hear|learn) (?:if|whether|what (?:the |their |her |his )?(?:next steps?|status|decision|timeline|plan)|where (?:things|we|they|it|the deal))(?! (?:they|he|she|you) ?(?:d|would|wd) (?:like|want|prefer|be interested))',
);
/** A pitch about ourselves in general ("introduce our company and our broad range of services"). */
const GENERIC_PITCH = phrase(
  '^(?: [^ .]+){0,4}? (?:introduce (?:our company|ourselves|myself|us|our firm)|(?:our|the) (?:broad |full |whole |wide |entire )?(?:range|portfolio|suite|line-up) of|who we are|what we do|our (?:capabilities|offerings|company|services)(?: |$))',
);
/** A "value" that is only the rep's routine ("the usual follow-up template") brings nothing. */
const HOLLOW =
  /(?:^| )(?:usual|generic|standard|boilerplate|same old)(?: |$)|follow up (?:template|email|note|message)|(?:company|corporate|our) (?:overview|profile|brochure|presentation|intro deck)|capabilit(?:y|ies) (?:deck|statement|overview)/;
/** Material that is only a reminder or a follow-up carries nothing for this prospect. */
const STOCK_MATERIAL = /(?:^| )(?:follow up|reminder)(?: |$)/;
const MATERIAL_KINDS: ReadonlySet<ValueSignalKind> = new Set(['report', 'deliverable', 'review_together']);
/** What follows a signal when its purpose is only to get the prospect's decision ("... to get approval"). */
const DECISION_PURPOSE = phrase(
  '^(?: [^ .]+){0,8}? (?:to|and|for) (?:get|secure|obtain|ask for|push for|press for|chase|close|collect) (?:the |a |an |their |his |her |final |formal )?(?:feedback|thoughts|impressions|approval|decision|sign-?off|signoff|signature|yes|commitment|po|order|go-ahead|green light|deal|answer)',
);
/**
 * A purpose that only serves the rep: chasing their decision ("meeting with the CFO to get approval"), the
 * deal's status ("connect with procurement re timeline") or an introduction of the rep. What it asks for is
 * no value, and a person contacted for it is no further stakeholder.
 */
const DECISION_CHASE = phrase(
  `${PRESSURE_TACTIC}|(?:to|and) (?:get|hear|collect|gather) (?:his|her|their) (?:feedback|thoughts|impressions|reaction)|(?:re|about|regarding|on) (?:the |their )?(?:timeline|timing|status|next steps|progress|decision)(?= \\.|$)|to introduce (?:myself|ourselves|me|us|our company|our firm|the company)|(?:to|and) (?:get|push for|ask for|secure|chase|obtain|press for|request|close on|close|lock in|nail down|wrap up) (?:a |an |the |their |his |her )?(?:final |formal |firm |verbal |clear )?(?:approval|decision|sign-?off|signature|answer|yes|go-ahead|green light|commitment|verdict|update|status|po|purchase order|deal|contract signed)`,
);
const NEGATION =
  /(?:^| )(?<!(?:a|its|is) )(?:no|nothing|not|without|never|none|dont|havent|hasnt|isnt|arent|lack)(?: [^ ]+){0,2} $/;

function clauseStartBefore(canonical: string, index: number, breaks: readonly number[]): string {
  let start = 0;
  for (const at of breaks) if (at < index) start = at;
  return canonical.slice(start, index);
}

const CONTACT_VERB = /^(?:reach|reaching|also|and)/;
const INVOLVED = /^(?: [^ .]+){0,8}? (?:involved|too|as well|also|other)(?: |$)/;
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
    const rest = canonical.slice(match.index + match.text.length);
    const following = rest.trim().split(' ', 3);
    const named = following.find((token) => names.has(token));
    // Adjacent capitalised words are one name ("Greene Farms"), not two people.
    const people = following.filter((token, i) => names.has(token) && !names.has(following[i - 1] ?? ''));
    if (named === undefined) continue;
    // "Reach out to Nadia" is as often the contact herself: it takes two people or "also involved".
    const plainContact = CONTACT_VERB.test(match.text);
    const others = people.length > 1 || INVOLVED.test(rest);
    found.push({
      kind: 'stakeholder',
      strength: plainContact && !others ? 'weak' : 'strong',
      text: `${match.text} ${named}`,
      index: match.index,
    });
  }
  return found;
}

/**
 * A signal as its sentence frames it: dropped when negated ("nothing new") or hollow ("the usual
 * template"), one step weaker when the rep only asks about it ("see if they read the case study") or brings
 * it only to get their decision ("meeting with the CFO to get approval"), as found otherwise.
 */
function framed(canonical: string, breaks: readonly number[], signal: ValueSignal): ValueSignal | undefined {
  const lead = clauseStartBefore(canonical, signal.index, breaks);
  if (NEGATION.test(lead) || HOLLOW.test(signal.text)) return undefined;
  if (MATERIAL_KINDS.has(signal.kind) && STOCK_MATERIAL.test(signal.text)) return undefined;
  const end = signal.index + signal.text.length;
  CHECK_FRAME.lastIndex = 0;
  DECISION_PURPOSE.lastIndex = 0;
  const following = canonical.slice(end, end + 120);
  GENERIC_PITCH.lastIndex = 0;
  if (signal.strength === 'weak' && GENERIC_PITCH.test(following)) return undefined;
  GREETING_ONLY.lastIndex = 0;
  if (GREETING_ONLY.test(following)) return undefined;
  STATUS_PURPOSE.lastIndex = 0;
  const asksOnly =
    CHECK_FRAME.test(lead) ||
    CHECK_IN_LEAD.test(lead) ||
    TOPIC_ONLY_LEAD.test(lead) ||
    PUFFERY.test(canonical.slice(signal.index, end + 40)) ||
    DECISION_LEAD.test(lead) ||
    DECISION_PURPOSE.test(following) ||
    STATUS_PURPOSE.test(following);
  if (!asksOnly) return signal;
  return signal.strength === 'strong' ? { ...signal, strength: 'weak' } : undefined;
}

/**
 * Every value signal in reading order, each as its sentence frames it (see `framed`); two separate
 * pressure-releasing phrases together make the empathetic message the method recommends for a prospect
 * who has gone dark.
 */
export function findValueSignals(canonical: string, names: ReadonlySet<string>): ValueSignal[] {
  const breaks = matchesOf(CLAUSE_BREAK, canonical).map((match) => match.index);
  const found: ValueSignal[] = findNamedStakeholders(canonical, names);
  for (const [key, matches] of SCANS.matchesIn(canonical)) {
    const [kind, strength] = KIND_AND_STRENGTH.get(key) ?? [];
    if (!kind || !strength) continue;
    for (const match of matches) found.push({ kind, strength, ...match });
  }
  const chases = matchesOf(DECISION_CHASE, canonical);
  const signals: ValueSignal[] = [];
  for (const signal of found) {
    const kept = framed(canonical, breaks, signal);
    if (!kept) continue;
    if (chases.length > 0 && kept.kind === 'stakeholder') continue;
    if (chases.some((chase) => kept.index >= chase.index && kept.index < chase.index + chase.text.length))
      continue;
    signals.push(kept);
  }
  const empathy = signals.filter((signal) => signal.kind === 'empathy');
  const [first] = empathy;
  if (first && empathy.length >= 2 && empathy.every((signal) => signal.strength === 'weak')) {
    signals.push({ ...first, strength: 'strong', text: empathy.map((signal) => signal.text).join(' ... ') });
  }
  return signals.sort((a, b) => a.index - b.index);
}
