/**
 * The coach's hard lines, the few places where the method decides and no learned weight may overrule it.
 * Each rule is named data: the phrases it looks for (in the canonical text normalise.ts makes), examples a
 * test checks it on, and why the method draws the line.
 */
export type RuleKind = 'cliche' | 'pressure' | 'release';

export interface CoachRule {
  id: string;
  kind: RuleKind;
  /** Written as a rep would write them; matched on whole words after normalising. */
  phrases: readonly string[];
  examples: { matches: readonly string[]; doesNotMatch: readonly string[] };
  /** What the rep is told when the rule decides: one short sentence. */
  why: string;
}
