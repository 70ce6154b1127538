import type { CoachRule } from './rule.js';

/**
 * A bare cliché is vague whatever the model says: the plan is only the cliché, a time, a channel and the
 * person (see `isBareCliche`). A cliché next to a real reason is left to the model.
 */
export const CLICHE_RULES: readonly CoachRule[] = [
  {
    id: 'check-in',
    kind: 'cliche',
    phrases: ['check in', 'checking in', 'check back', 'touch base', 'catch up', 'keep in touch', 'sync'],
    examples: {
      matches: ['just checking in', 'chk in w/ Mike Friday'],
      doesNotMatch: ['check the warranty date'],
    },
    why: 'A check-in asks for their time and gives them no reason to take the call.',
  },
  {
    id: 'follow-up',
    kind: 'cliche',
    phrases: [
      'follow up',
      'following up',
      'circle back',
      'circling back',
      'reach out',
      'reaching out',
      'ping',
      'bump',
      'nudge',
      'chase',
      'remind',
      'call back',
      'try again',
      'call again',
    ],
    examples: {
      matches: ['f/u next wk', 'circle back after the holidays'],
      doesNotMatch: ['bring the pump curve for the new line'],
    },
    why: 'A follow-up with nothing attached gives them no reason to pick up.',
  },
  {
    id: 'status-ask',
    kind: 'cliche',
    phrases: [
      'any update',
      'any updates',
      'any news',
      'status update',
      'status check',
      'where things are',
      'where things stand',
      'see if they decided',
      'see if they are ready',
      'see if theyre ready',
      'thoughts on the proposal',
      'had a chance',
      'still interested',
      'made a decision',
      'made up your mind',
    ],
    examples: {
      matches: ['Any update?', 'see where things are at'],
      doesNotMatch: ['their status report shows 3 outages'],
    },
    why: 'Asking where the deal stands serves you, not them.',
  },
];

/** Words that add no reason to a cliché: time, channel, the person, filler. */
export const CLICHE_FILLER: ReadonlySet<string> = new Set(
  (
    'a an the to with on in at for of about regarding re and or if how see just quick quickly again up back ' +
    'them him her they he she their his you your we i me us our it this that is are be will ill well ' +
    'call calls email mail text message voicemail phone ping meeting chat next week weeks month months ' +
    'year quarter day days tomorrow today tonight morning afternoon evening later soon sometime after ' +
    'before end early mid late monday tuesday wednesday thursday friday saturday sunday am pm jan feb mar ' +
    'apr may jun jul aug sep sept oct nov dec january february march april june july august september ' +
    'october november december holidays new things going deal them. thanks hi hey please time couple few ' +
    'two three wk wks asap still let know'
  ).split(' '),
);
