/**
 * Trains the coach's model on every labelled set (sealed ones apart) and writes models/coach-model.json.
 * Deterministic: the same sets and options write the same file; its version is a hash of both.
 *
 * Run: npm run coach:train
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadWordVectors } from '../src/coach-model/load-coach-reader.js';
import { encodeCoachModel } from '../src/coach-model/model-file.js';
import { fitModel, labelledSetFiles, loadLabelledSet, TRAINING, toExample } from './coach-training.js';

const vectors = loadWordVectors();
const files = labelledSetFiles();
const examples = files.flatMap((file) => loadLabelledSet(file).map((plan) => toExample(plan, file, vectors)));
const hash = createHash('sha256').update(JSON.stringify(TRAINING));
for (const file of files) hash.update(readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url)));
hash.update(readFileSync(new URL('../models/word-vectors.bin', import.meta.url)));
const model = { ...fitModel(examples), version: `coach-${hash.digest('hex').slice(0, 12)}` };
const file = encodeCoachModel(model, files, examples.length);
writeFileSync(new URL('../models/coach-model.json', import.meta.url), `${JSON.stringify(file)}\n`);
console.info(
  `${model.version}: ${examples.length} plans from ${files.length} sets, threshold ${model.threshold}`,
);
