import { and, asc, count, eq, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../client.js';
import { people, prospects } from '../schema.js';

export type Prospect = typeof prospects.$inferSelect;

/** Lower-cased "contact|company": one rep cannot create the same prospect twice by retyping it. */
export function prospectNameKey(contactName: string, company: string): string {
  return `${contactName.trim().toLowerCase()}|${company.trim().toLowerCase()}`;
}

/** The owner's prospects whose contact name or company is `text`, ignoring case; newest first. */
export async function findProspectsByName(
  db: Database,
  params: { workspaceId: string; ownerId: number; text: string },
): Promise<Prospect[]> {
  const needle = params.text.trim().toLowerCase();
  return db
    .select()
    .from(prospects)
    .where(
      and(
        eq(prospects.workspaceId, params.workspaceId),
        eq(prospects.ownerId, params.ownerId),
        or(sql`lower(${prospects.contactName}) = ${needle}`, sql`lower(${prospects.company}) = ${needle}`),
      ),
    )
    .orderBy(sql`${prospects.updatedAt} desc`)
    .limit(5);
}

export interface ProspectWithOwner {
  prospect: Prospect;
  owner: { id: number; slackUserId: string; managerId: number | null; timeZone: string };
}

export async function findProspectWithOwner(
  db: Database,
  params: { workspaceId: string; prospectId: number },
): Promise<ProspectWithOwner | undefined> {
  const [row] = await db
    .select({
      prospect: prospects,
      owner: {
        id: people.id,
        slackUserId: people.slackUserId,
        managerId: people.managerId,
        timeZone: people.timeZone,
      },
    })
    .from(prospects)
    .innerJoin(people, eq(people.id, prospects.ownerId))
    .where(and(eq(prospects.workspaceId, params.workspaceId), eq(prospects.id, params.prospectId)));
  return row;
}

export interface ProspectPage {
  rows: Prospect[];
  total: number;
}

/** Closed or parked prospects whose second-chance date has come, or comes before `until`. */
export async function listProspectsToRevisit(
  db: Database,
  params: { workspaceId: string; ownerId: number; until: Date; limit: number },
): Promise<ProspectPage> {
  const where = and(
    eq(prospects.workspaceId, params.workspaceId),
    eq(prospects.ownerId, params.ownerId),
    isNotNull(prospects.revisitAt),
    lte(prospects.revisitAt, params.until),
  );
  return pageOf(db, where, asc(prospects.revisitAt), params.limit);
}

async function pageOf(
  db: Database,
  where: ReturnType<typeof and>,
  order: ReturnType<typeof asc>,
  limit: number,
): Promise<ProspectPage> {
  const rows = await db.select().from(prospects).where(where).orderBy(order).limit(limit);
  const [total] = await db.select({ total: count() }).from(prospects).where(where);
  return { rows, total: Number(total?.total ?? 0) };
}

/** Pauses (or, with no date, resumes) a deal of this owner; false when it is not theirs. */
export async function setProspectPause(
  db: Database,
  params: {
    workspaceId: string;
    ownerId: number;
    prospectId: number;
    until: Date | null;
    reason: string | null;
  },
): Promise<boolean> {
  const rows = await selectRows(
    db,
    sql`update prospects set paused_until = ${params.until?.toISOString() ?? null}::timestamptz,
      pause_reason = ${params.reason}, updated_at = now()
    where workspace_id = ${params.workspaceId} and owner_id = ${params.ownerId} and id = ${params.prospectId}
    returning id`,
    { id: prospects.id },
  );
  return rows.length > 0;
}

/** LIKE treats these as wildcards; a rep typing them means the characters themselves. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * What a rep typing `text` may mean: every word typed starts a word of the contact name or the company ("dan",
 * "dana", "scully acme"); `order` puts exact names first, then the most recently touched.
 */
export function prospectNameMatch(text: string): { conditions: SQL[]; order: SQL[] } {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const searched = sql`(' ' || lower(${prospects.contactName}) || ' ' || lower(${prospects.company}))`;
  const needle = words.join(' ');
  return {
    conditions: words.map((word) => sql`${searched} like ${`% ${likeLiteral(word)}%`}`),
    order: [
      sql`(lower(${prospects.contactName}) = ${needle} or lower(${prospects.company}) = ${needle}) desc`,
      sql`${prospects.updatedAt} desc`,
    ],
  };
}

/** The owner's prospects that a rep typing `text` may mean (prospectNameMatch), best first. */
export async function searchProspects(
  db: Database,
  params: { workspaceId: string; ownerId: number; text: string; limit: number },
): Promise<Prospect[]> {
  const match = prospectNameMatch(params.text);
  return db
    .select()
    .from(prospects)
    .where(
      and(
        eq(prospects.workspaceId, params.workspaceId),
        eq(prospects.ownerId, params.ownerId),
        ...match.conditions,
      ),
    )
    .orderBy(...match.order)
    .limit(params.limit);
}
