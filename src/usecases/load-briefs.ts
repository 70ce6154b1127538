import type { Database } from '../db/client.js';
import { listProspectBriefFacts } from '../db/queries/brief-facts.js';
import type { NextStepView } from '../db/queries/next-steps.js';
import { buildPreCallBrief, type PreCallBrief } from '../domain/brief/pre-call-brief.js';

/** The pre-call brief of each of these calls, by next step id, read in one pass over their prospects. */
export async function loadBriefs(
  db: Database,
  workspaceId: string,
  rows: readonly NextStepView[],
): Promise<Map<number, PreCallBrief>> {
  const facts = await listProspectBriefFacts(db, {
    workspaceId,
    prospectIds: rows.map((row) => row.prospect.id),
  });
  const briefs = new Map<number, PreCallBrief>();
  for (const row of rows) {
    const profile = facts.get(row.prospect.id);
    briefs.set(
      row.step.id,
      buildPreCallBrief({
        valueReason: row.step.valueReason,
        coachVerdict: row.step.coachVerdict,
        hotButton: row.prospect.hotButton,
        decisionMaker: profile?.decisionMaker ?? null,
        purchasingProcess: profile?.purchasingProcess ?? null,
        budget: profile?.budget ?? null,
        stakeholders: profile?.stakeholders ?? [],
        material: profile?.material ?? null,
      }),
    );
  }
  return briefs;
}
