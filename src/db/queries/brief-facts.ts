import { sql } from 'drizzle-orm';
import type { BriefFacts } from '../../domain/brief/pre-call-brief.js';
import { type Database, read, selectRows } from '../client.js';
import { interactions, prospects } from '../schema.js';
import { sqlList } from './sql-list.js';

/** The parts of a pre-call brief that come from the prospect's profile and history. */
export type ProspectBriefFacts = { prospectId: number } & Pick<
  BriefFacts,
  'decisionMaker' | 'purchasingProcess' | 'budget' | 'stakeholders' | 'material'
>;

/** Profile, stakeholders and latest material of these prospects, for the pre-call brief. */
export async function listProspectBriefFacts(
  db: Database,
  params: { workspaceId: string; prospectIds: readonly number[] },
): Promise<Map<number, ProspectBriefFacts>> {
  if (params.prospectIds.length === 0) return new Map();
  const rows = await selectRows(
    db,
    sql`select pr.id, pr.decision_maker, pr.purchasing_process, pr.budget,
      (select string_agg(s.name, E'\\n' order by s.id) from stakeholders s where s.prospect_id = pr.id) as stakeholders,
      material.material_sent, material.material_reviewed
    from prospects pr
    left join lateral (
      select i.material_sent, i.material_reviewed from interactions i
      where i.prospect_id = pr.id and i.material_sent is not null and i.material_sent <> ''
      order by i.occurred_at desc, i.id desc limit 1) material on true
    where pr.workspace_id = ${params.workspaceId} and pr.id in (${sqlList(params.prospectIds)})`,
    {
      id: prospects.id,
      decision_maker: prospects.decisionMaker,
      purchasing_process: prospects.purchasingProcess,
      budget: prospects.budget,
      stakeholders: read.text, // their names, one a line
      material_sent: interactions.materialSent,
      material_reviewed: interactions.materialReviewed,
    },
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        prospectId: row.id,
        decisionMaker: row.decision_maker,
        purchasingProcess: row.purchasing_process,
        budget: row.budget,
        stakeholders: row.stakeholders ? row.stakeholders.split('\n') : [],
        material: row.material_sent ? { sent: row.material_sent, reviewed: row.material_reviewed } : null,
      },
    ]),
  );
}
