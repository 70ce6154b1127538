import type { CoachRule } from './rule.js';

/**
 * A short, empathetic, pressure-releasing note is the method's move for a prospect who has gone dark
 * (the workspace's gone-dark threshold of unanswered touches in a row): then it is the value of the touch.
 * Anywhere else it gives nothing, and the model judges the plan on what else it brings.
 */
export const RELEASE_RULES: readonly CoachRule[] = [
  {
    id: 'release-pressure',
    kind: 'release',
    phrases: [
      'no pressure',
      'no need to call back',
      'no need to reply',
      'no need to respond',
      'no obligation',
      'no rush',
      'i understand how busy',
      'i know how busy',
      'understand you are busy',
      'understand youre busy',
      'i know you are busy',
      'i know youre busy',
      'totally understand',
      'completely understand',
      'i understand if',
      'if the timing isnt right',
      'if the timing is not right',
      'if now isnt a good time',
      'if now is not a good time',
      'if priorities have changed',
      'if things have changed',
      'i apologise',
      'i apologize',
      'sorry if i missed',
      'i will stop reaching out',
      'ill stop reaching out',
      'wont reach out again',
      'close your file',
      'happy to pause',
      'whenever suits you',
      'whenever you are ready',
      'when the time is right',
    ],
    examples: {
      matches: [
        "Sam, I know we haven't connected and I understand how busy you are. No need to call back.",
        'No pressure at all: if the timing isnt right, just say so and I will stop reaching out.',
      ],
      doesNotMatch: ['Bring the Q3 usage report: seats dropped from 40 to 31'],
    },
    why: 'A short, empathetic note that releases the pressure: the right move for a prospect who has gone dark.',
  },
];
