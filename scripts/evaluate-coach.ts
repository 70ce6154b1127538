/**
 * Measures the coach on every labelled set (sealed ones apart), leave-one-source-out: each blind set is
 * scored by a model trained on all the other sets, and the real-world lines by models that never saw the
 * site a line was quoted from (the sites are dealt into folds; a site is held out whole). Thresholds are
 * chosen inside each training fold. Variants show what each part adds: the hard rules, the word n-grams,
 * the word vectors.
 *
 * Run: npm run coach:eval   (writes docs/coach-evaluation.md and prints the table)
 *
 * A sealed set (its file name holds "sealed") is opened once, after the model is frozen and committed:
 * `npm run coach:eval -- --open-sealed` scores it with the committed model and nothing else. Its figures go in
 * the commit message; from then on it is an ordinary set (rename it) and the next model may learn from it.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { loadCoachReader, loadWordVectors } from '../src/coach-model/load-coach-reader.js';
import type { PlanFeatures } from '../src/domain/coach/features.js';
import { judgeNextStep } from '../src/domain/coach/index.js';
import { valueProbability } from '../src/domain/coach/model.js';
import type { LabelledPlan } from './coach-training.js';
import {
  coachInputOf,
  type Example,
  fitModel,
  groupFolds,
  labelledSetFiles,
  loadLabelledSet,
  type Rates,
  REAL_WORLD,
  ratesOf,
  TRAINING,
  toExample,
} from './coach-training.js';

/** Folds the real-world sites are dealt into. */
const SITE_FOLDS = 20;

interface Variant {
  name: string;
  rules: boolean;
  keep: (features: PlanFeatures) => PlanFeatures;
}

const DIMENSIONS = 100;
const zeroFrom = (f: PlanFeatures, start: number, end: number) => {
  const dense = Float32Array.from(f.dense);
  dense.fill(0, start, end);
  return { ...f, dense };
};
const noShape = (f: PlanFeatures) => zeroFrom(f, DIMENSIONS, f.dense.length);
const noMeaning = (f: PlanFeatures) => zeroFrom(f, 0, DIMENSIONS);
const noWords = (f: PlanFeatures) => ({ ...f, sparse: new Int32Array(0), sparseValue: 0 });
const VARIANTS: Variant[] = [
  { name: 'coach: rules + model (n-grams + word vectors + shape)', rules: true, keep: (f) => f },
  { name: 'model alone, no rules', rules: false, keep: (f) => f },
  { name: 'model without the shape features', rules: false, keep: noShape },
  { name: 'model on n-grams and shape, no word vectors', rules: false, keep: noMeaning },
  { name: 'model on word vectors only', rules: false, keep: (f) => noShape(noWords(f)) },
];

const vectors = loadWordVectors();
const files = labelledSetFiles();
const plans = new Map<string, LabelledPlan[]>(files.map((file) => [file, loadLabelledSet(file)]));
const all: Array<{ plan: LabelledPlan; example: Example }> = [];
for (const [file, rows] of plans)
  for (const plan of rows) all.push({ plan, example: toExample(plan, file, vectors) });

/** Held-out folds: each blind set whole, and the real-world sites in SITE_FOLDS folds. */
function heldOutFolds(): number[][] {
  const folds: number[][] = [];
  for (const file of files) {
    if (REAL_WORLD.test(file)) continue;
    folds.push(all.flatMap(({ example }, index) => (example.set === file ? [index] : [])));
  }
  const real = all.flatMap(({ example }, index) => (REAL_WORLD.test(example.set) ? [index] : []));
  const realExamples = real.map((index) => (all[index] as (typeof all)[number]).example);
  for (const fold of groupFolds(realExamples, SITE_FOLDS, TRAINING.seed))
    folds.push(fold.map((i) => real[i] as number));
  return folds.filter((fold) => fold.length > 0);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const tableRow = (name: string, rates: Rates) =>
  `| ${name} | ${rates.plans} | ${percent(rates.accuracy)} | ${percent(rates.vagueAccepted)} | ${percent(rates.valueRejected)} |`;
const TABLE_HEAD = '| set | lines | accuracy | vague accepted | value rejected |\n|---|---|---|---|---|';

if (process.argv.includes('--open-sealed')) {
  openSealedSets();
  process.exit(0);
}

const report: string[] = [
  '# How the coach is measured',
  '',
  'Written by `npm run coach:eval`. Every figure is leave-one-source-out: a blind set is scored by a model trained',
  'on all the other sets, a real-world line by a model that never saw its site. Thresholds are chosen inside',
  'each training fold. Sealed sets are not here: they are opened once, after the model is frozen.',
  '',
];
const folds = heldOutFolds();
// --quick: the shipped variant alone, for a fast look while working.
const variants = process.argv.includes('--quick') ? VARIANTS.slice(0, 1) : VARIANTS;
for (const variant of variants) {
  const verdicts = new Map<number, boolean>();
  const probabilities = new Map<number, number>();
  for (const fold of folds) {
    const held = new Set(fold);
    const training = all.flatMap(({ example }, index) =>
      held.has(index) ? [] : [{ ...example, features: variant.keep(example.features) }],
    );
    const model = { ...fitModel(training), version: 'evaluation' };
    for (const index of fold) {
      const { plan, example } = all[index] as (typeof all)[number];
      const value = variant.rules
        ? judgeNextStep(coachInputOf(plan), { model, vectors }).verdict === 'value'
        : valueProbability(model, variant.keep(example.features)) >= model.threshold;
      verdicts.set(index, value);
      probabilities.set(index, valueProbability(model, variant.keep(example.features)));
    }
  }
  report.push(`## ${variant.name}`, '', TABLE_HEAD);
  const pooled: Array<{ label: number; value: boolean }> = [];
  const blind: Array<{ label: number; value: boolean }> = [];
  for (const file of files) {
    const pairs = all.flatMap(({ example }, index) =>
      example.set === file ? [{ label: example.label, value: verdicts.get(index) === true }] : [],
    );
    pooled.push(...pairs);
    if (!REAL_WORLD.test(file)) blind.push(...pairs);
    report.push(tableRow(file, ratesOf(pairs)));
  }
  report.push(
    tableRow('blind sets pooled', ratesOf(blind)),
    tableRow('all pooled', ratesOf(pooled)),
    '',
    bestTradeOff(probabilities),
    '',
  );
  console.info(report.slice(report.lastIndexOf(`## ${variant.name}`)).join('\n'));
  if (variant === VARIANTS[0]) {
    report.push('### Misjudged real-world lines', '');
    all.forEach(({ plan, example }, index) => {
      if (!REAL_WORLD.test(example.set) || verdicts.get(index) === (example.label === 1)) return;
      report.push(`- labelled ${plan.label}: "${plan.text.replace(/\s+/g, ' ')}" (${plan.source ?? ''})`);
    });
    report.push('');
  }
}

report.push('## Overlap between sets', '', ...overlap());
writeFileSync(new URL('../docs/coach-evaluation.md', import.meta.url), `${report.join('\n')}\n`);

/** Lines whose canonical text appears in more than one set: a held-out score is only as clean as this. */
function overlap(): string[] {
  const setsOf = new Map<string, Set<string>>();
  for (const { plan, example } of all) {
    const key = plan.text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    setsOf.set(key, (setsOf.get(key) ?? new Set()).add(example.set));
  }
  const shared = [...setsOf.values()].filter((sets) => sets.size > 1).length;
  return [`${shared} of ${setsOf.size} distinct lines appear in more than one set.`];
}

/** Scores each sealed set with the committed model, as a rep would meet it: the first-sight figures. */
function openSealedSets(): void {
  const reader = loadCoachReader();
  const sealed = readdirSync(new URL('../test/fixtures/', import.meta.url)).filter(
    (name) => name.startsWith('coach-') && name.includes('sealed') && name.endsWith('.jsonl'),
  );
  console.info(`model ${reader.model.version}\n${TABLE_HEAD}`);
  for (const file of sealed) {
    const rows = loadLabelledSet(file);
    const pairs = rows.map((plan) => ({
      label: plan.label === 'value' ? 1 : 0,
      value: judgeNextStep(coachInputOf(plan), reader).verdict === 'value',
    }));
    console.info(tableRow(file, ratesOf(pairs)));
    rows.forEach((plan, index) => {
      if (pairs[index]?.value !== (plan.label === 'value'))
        console.info(`  misjudged, labelled ${plan.label}: ${plan.text.replace(/\s+/g, ' ')}`);
    });
  }
}

/**
 * What the held-out probabilities could do at all on real-world lines: the fewest good lines rejected with at
 * most 5% of vague lines accepted, at the best threshold in hindsight. A diagnosis of the model, never a
 * threshold to ship (that would be tuning to the set).
 */
function bestTradeOff(probabilities: ReadonlyMap<number, number>): string {
  const scored = all.flatMap(({ example }, index) =>
    REAL_WORLD.test(example.set)
      ? [{ label: example.label, probability: probabilities.get(index) ?? 0 }]
      : [],
  );
  let best: Rates | undefined;
  for (let step = 1; step < 100; step++) {
    const rates = ratesOf(
      scored.map(({ label, probability }) => ({ label, value: probability >= step / 100 })),
    );
    if (rates.vagueAccepted <= 0.05 && (!best || rates.valueRejected < best.valueRejected)) best = rates;
  }
  return best
    ? `Real-world lines, best threshold in hindsight with at most 5% of vague lines accepted: ${percent(best.valueRejected)} of good lines rejected, accuracy ${percent(best.accuracy)}.`
    : 'Real-world lines: no threshold keeps vague lines accepted at 5% or under.';
}
