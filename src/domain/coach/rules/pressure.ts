import type { CoachRule } from './rule.js';

/** Pressure to sign is vague in every situation: the method releases pressure, it never adds it. */
export const PRESSURE_RULES: readonly CoachRule[] = [
  {
    id: 'push-to-sign',
    kind: 'pressure',
    phrases: [
      'push them to sign',
      'push him to sign',
      'push her to sign',
      'push for the signature',
      'push for a decision',
      'get them to sign',
      'get him to sign',
      'get her to sign',
      'close them',
      'pressure them',
      'put pressure on',
      'apply pressure',
      'last chance',
      'final notice',
      'sign today',
      'sign by friday or',
      'or we release',
      'or we will give',
      'or lose the',
      'over the line',
      'need a decision today',
      'need an answer today',
      'decide today',
    ],
    examples: {
      matches: ['Push them to sign before quarter end', 'last chance to get the 10% off'],
      doesNotMatch: [
        'no pressure at all, whenever suits you',
        'bring the signed NDA template they asked for',
      ],
    },
    why: 'It presses them to decide and gives nothing back; pressure makes prospects pull away.',
  },
];
