/**
 * Loads the coach's committed artefacts (models/coach-model.json and models/word-vectors.bin) once per
 * process: main.ts calls it at start so the first plan a rep submits does not pay for it, and every later
 * caller gets the same reader.
 */
import { readFileSync } from 'node:fs';
import type { CoachReader } from '../domain/coach/index.js';
import { type CoachModelFile, decodeCoachModel } from './model-file.js';
import { decodeWordVectors } from './word-vector-file.js';

const MODELS = new URL('../../models/', import.meta.url);

let loaded: CoachReader | undefined;

/** The word vectors alone: training and evaluation read them without a model (the model is what they make). */
export function loadWordVectors(): CoachReader['vectors'] {
  return loaded?.vectors ?? decodeWordVectors(readFileSync(new URL('word-vectors.bin', MODELS)));
}

export function loadCoachReader(): CoachReader {
  loaded ??= {
    model: decodeCoachModel(
      JSON.parse(readFileSync(new URL('coach-model.json', MODELS), 'utf8')) as CoachModelFile,
    ),
    vectors: loadWordVectors(),
  };
  return loaded;
}
