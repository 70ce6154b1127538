/**
 * Leave-one-set-out evaluation of the coach: for each labelled set, the learned models are trained on the
 * other five and judged on it, so no model sees the set it is measured on. Compared:
 *   (a)  the hand-written rules alone (nothing trained);
 *   (b)  logistic regression over the words alone (unigrams and bigrams of the canonical text);
 *   (c)  logistic regression over the rules' score, the rules' features, the prospect context and the words;
 *   (c2) the same without the rules' score;
 *   (c3) the rules' features and the context alone, without the score or the words;
 *   (c4) (c2) with character 4-grams of each word;
 *   (d)  the rules' verdict, overruled by (c4) only where (c4) is confident (|log-odds| >= 2, fixed beforehand).
 * Pooled figures count every plan once, judged by the model that did not see its set.
 *
 * Caveat for reading the figures: the rules were tuned on every set except coach-holdout-5, so on the other
 * five the rules (and any model reading their features) are measured in sample. coach-holdout-5 is the one
 * set that neither the rules nor the models saw; its row is the cleanest comparison.
 *
 * Run: npx tsx scripts/evaluate-coach.ts
 */
import type { FeatureGroups } from './coach-features.js';
import {
  type Example,
  LABELLED_SETS,
  loadLabelledSet,
  type Rates,
  ratesOf,
  toExample,
  trainLogistic,
  valueMargin,
} from './coach-training.js';

/** How confident the learned model must be to overrule the rules in (d), chosen before measuring. */
const OVERRULE_MARGIN = 2;

interface Variant {
  name: string;
  /** null: the rules' verdict alone. */
  groups: FeatureGroups | null;
  gated?: boolean;
}

const WORDS_AND_RULES: FeatureGroups = { score: false, rules: true, words: true, chars: true };
const VARIANTS: Variant[] = [
  { name: '(a) rules alone', groups: null },
  { name: '(b) learned: words', groups: { score: false, rules: false, words: true, chars: false } },
  {
    name: '(c) learned: rule score + rule features + context + words',
    groups: { score: true, rules: true, words: true, chars: false },
  },
  {
    name: '(c2) learned: rule features + context + words',
    groups: { score: false, rules: true, words: true, chars: false },
  },
  {
    name: '(c3) learned: rule features + context',
    groups: { score: false, rules: true, words: false, chars: false },
  },
  { name: '(c4) learned: rule features + context + words + character 4-grams', groups: WORDS_AND_RULES },
  { name: '(d) rules, overruled where (c4) is confident', groups: WORDS_AND_RULES, gated: true },
];

const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
const row = (name: string, rates: Rates) =>
  `  ${name.padEnd(24)} ${String(rates.plans).padStart(5)}  accuracy ${percent(rates.accuracy)}  vague accepted ${percent(rates.vagueAccepted)}  value rejected ${percent(rates.valueRejected)}`;

const sets = LABELLED_SETS.map((file) => ({ file, plans: loadLabelledSet(file) }));

function judged(example: Example, weights: Float64Array | null, gated: boolean): boolean {
  if (weights === null) return example.rulesSayValue;
  const margin = valueMargin(weights, example.features);
  if (gated && Math.abs(margin) < OVERRULE_MARGIN) return example.rulesSayValue;
  return margin >= 0;
}

for (const variant of VARIANTS) {
  console.info(variant.name);
  const groups = variant.groups ?? { score: false, rules: false, words: false, chars: false };
  const examples = sets.map(({ plans }) => plans.map((plan) => toExample(plan, groups)));
  const pooled: Array<{ label: number; value: boolean }> = [];
  examples.forEach((heldOut, index) => {
    const weights =
      variant.groups === null ? null : trainLogistic(examples.filter((_, other) => other !== index).flat());
    const verdicts = heldOut.map((example) => ({
      label: example.label,
      value: judged(example, weights, variant.gated === true),
    }));
    pooled.push(...verdicts);
    console.info(row(sets[index]?.file ?? '', ratesOf(verdicts)));
  });
  console.info(row('pooled', ratesOf(pooled)));
}
