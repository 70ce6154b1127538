import type { Database } from '../db/client.js';
import { findNextStepView, type NextStepView } from '../db/queries/next-steps.js';
import type { PreCallBrief } from '../domain/brief/pre-call-brief.js';
import { loadBriefs } from './load-briefs.js';

export interface CallReminder {
  row: NextStepView;
  brief: PreCallBrief;
}

/** The call still scheduled at this time, with its brief; undefined when it was logged or moved meanwhile. */
export async function loadCallReminder(
  db: Database,
  params: { workspaceId: string; nextStepId: number; dueAt: Date; now: Date },
): Promise<CallReminder | undefined> {
  const row = await findNextStepView(db, params);
  if (row?.step.status !== 'scheduled' || row.step.dueAt.getTime() !== params.dueAt.getTime())
    return undefined;
  const brief = (await loadBriefs(db, params.workspaceId, [row])).get(row.step.id);
  return brief ? { row, brief } : undefined;
}
