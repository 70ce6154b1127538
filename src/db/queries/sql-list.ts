import { type SQL, sql } from 'drizzle-orm';

/** Values as a comma-separated list of bound parameters, for `in (...)` inside raw SQL. */
export function sqlList(values: readonly (number | string)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}
