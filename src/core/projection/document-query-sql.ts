import { AnyProjection, IndexValue } from './document-projection';

/** What documents a query selects and in which order; see SqliteReadStore.query. */
export interface DocumentQuery {
  /** Equality filters on index columns; `null` matches a missing value. */
  readonly where?: Readonly<Record<string, IndexValue | undefined>>;
  /** Inclusive ranges on index columns. */
  readonly ranges?: Readonly<Record<string, { readonly from?: IndexValue; readonly to?: IndexValue } | undefined>>;
  /** Index column to page on; documents come in its ascending order, ties by id. Default: the id. */
  readonly orderBy?: string;
  /** Position after which to start: the order value and id of the last document of the previous page. */
  readonly after?: { readonly value: IndexValue; readonly id: string };
  readonly limit?: number;
}

/** How a page of a query on ranges is read (see `rangeWindow`); SQLite chooses for every other query. */
export type RangePlan =
  /**
   * The documents after the cursor up to `through` (to the end of the table without it), each checked for the ranges;
   * with `at`, from that document on instead (the query then has no cursor).
   */
  | { readonly at?: string; readonly through: string | undefined }
  /** The range's index: its matches (from `at` on, if given) are found there, then sorted by id. */
  | { readonly index: string; readonly at?: string }
  /** SQLite's own plan, for the documents from `at` on (the query then has no cursor). */
  | { readonly at: string };

export interface SqlStatement {
  readonly sql: string;
  readonly params: IndexValue[];
}

/** The SQLite index of one of a projection's indexes in a generation's table, as the read store creates it. */
export const indexName = (table: string, index: string): string => `${table}_${index}`;

const given = (value: IndexValue | undefined): value is string | number => value !== undefined && value !== null;

/** The column of one of a projection's indexes, checked to be one, since it is inlined into SQL. */
function indexColumn(projection: AnyProjection, index: string): string {
  if (!Object.hasOwn(projection.indexes ?? {}, index)) throw new Error(`${projection.name} has no index ${index}`);
  return `ix_${index}`;
}

/**
 * The SELECT of a query over a generation's table: its rows carry `id`, the `columns` asked for and the order value.
 * Index names are checked against the projection (they are inlined); every value is a parameter.
 */
export function selectSql(table: string, projection: AnyProjection, query: DocumentQuery, columns: string, plan?: RangePlan): SqlStatement {
  const column = (index: string) => indexColumn(projection, index);
  const clauses: string[] = [];
  const params: IndexValue[] = [];
  const asked = (index: string) => given(query.where?.[index]);
  const read = projection.selectiveIndexes?.find(asked);
  for (const [index, value] of Object.entries(query.where ?? {})) {
    if (value === undefined) continue;
    // A unary + keeps SQLite from reading that column's index: see DocumentProjection.selectiveIndexes.
    const checked = read !== undefined && index !== read ? '+' : '';
    clauses.push(value === null ? `${column(index)} IS NULL` : `${checked}${column(index)} = ?`);
    if (value !== null) params.push(value);
  }
  const windowed = plan && 'through' in plan ? plan : undefined;
  const rangeChecked = windowed ? '+' : '';
  for (const [index, range] of Object.entries(query.ranges ?? {})) {
    if (given(range?.from)) (clauses.push(`${rangeChecked}${column(index)} >= ?`), params.push(range.from));
    if (given(range?.to)) (clauses.push(`${rangeChecked}${column(index)} <= ?`), params.push(range.to));
  }
  const order = query.orderBy ? column(query.orderBy) : 'id';
  if (query.after) {
    clauses.push(order === 'id' ? 'id > ?' : `(${order} > ? OR (${order} = ? AND id > ?))`);
    params.push(...(order === 'id' ? [query.after.id] : [query.after.value, query.after.value, query.after.id]));
  }
  const at = plan && 'at' in plan ? plan.at : undefined;
  if (at !== undefined) (clauses.push('id >= ?'), params.push(at));
  if (windowed?.through !== undefined) (clauses.push('id <= ?'), params.push(windowed.through));
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const orderBy = order === 'id' ? 'id' : `${order}, id`;
  let from = table;
  if (plan && 'index' in plan) {
    column(plan.index); // checked like every index name, since it is inlined
    // INDEXED BY: with a range bounded on one side only, SQLite would rather walk the ids than sort the range's matches.
    from = `${table} INDEXED BY ${indexName(table, plan.index)}`;
  }
  return { sql: `SELECT id, ${columns}, ${order} AS orderValue FROM ${from} ${where} ORDER BY ${orderBy} LIMIT ?`, params: [...params, query.limit ?? -1] };
}

/** How a page of a query on ranges alone is looked for: in `size` documents after the cursor, else off `index`. */
export interface RangeWindow {
  readonly size: number;
  readonly index: string;
}

/**
 * Where a page of a query on ranges is looked for, or undefined when the query is not one: ranges, paged in id order,
 * and no equality on a selective index (that index answers it). SQLite, with no statistics, answers such a page either
 * off the range's index, sorting all its matches by id for every page (a walk through the pages of a dense range then
 * grows with the square of the range), or by walking the ids (or an equality's index) from the cursor and checking
 * each document (a scan of the whole table when the range's matches start far from the cursor: 0.5 s for the
 * procedures' events effective since a month over 1,000,000 events). So the page is first looked for in the next
 * documents by id, 20 pages' worth: that finds it whenever one document in 20 or more there is a match, at about
 * 0.5 µs a document. When the window ends short of a page, the range's next match beyond it is sought in the range's
 * index (`firstInRangeSql`): none means the page is complete (the last page of a range); one, when the window held no
 * match, means the page is read from a window starting there (the first page of a range that begins far from the
 * cursor). Otherwise (a sparse range, a range of too many distinct values to seek) the range's index answers, sorting
 * its matches, or SQLite's own plan when there are equalities. A range bounded on both sides is the one sought, as the
 * narrower one.
 */
export function rangeWindow(projection: AnyProjection, query: DocumentQuery): RangeWindow | undefined {
  const ranges = Object.entries(query.ranges ?? {}).filter(([, range]) => given(range?.from) || given(range?.to));
  const selective = projection.selectiveIndexes?.some((index) => given(query.where?.[index])) ?? false;
  const paged = query.limit !== undefined && query.limit > 0;
  if (ranges.length === 0 || selective || !paged || query.orderBy !== undefined) return undefined;
  const [index] = ranges.find(([, range]) => given(range?.from) && given(range?.to)) ?? ranges[0];
  return { size: Math.max(2_000, 20 * query.limit!), index };
}

/** Where a window of documents begins: after a cursor's id, at a document's id, or at the start of the table. */
export type WindowStart = { readonly after: string } | { readonly at: string } | undefined;

/** The id of the last of `window` documents from `start`, if the table holds that many. */
export function windowEndSql(table: string, start: WindowStart, window: number): SqlStatement {
  if (start === undefined) return { sql: `SELECT id FROM ${table} ORDER BY id LIMIT 1 OFFSET ?`, params: [window - 1] };
  const [condition, id] = 'after' in start ? ['id > ?', start.after] : ['id >= ?', start.at];
  return { sql: `SELECT id FROM ${table} WHERE ${condition} ORDER BY id LIMIT 1 OFFSET ?`, params: [id, window - 1] };
}

/**
 * At most this many distinct values of a range are sought one by one (see `firstInRangeSql`), about 2.6 µs each: a
 * year of dates has 366; a range of recorded times, nearly one value per document, is left to the range's index.
 */
export const SOUGHT_VALUES = 400;

/**
 * The first document after `after` whose value of `index` lies in `range`, and how many distinct values the range
 * holds (counted up to SOUGHT_VALUES + 1). The range's index is sought once per value, for the next value and for that
 * value's first id after `after` (a loose index scan), rather than read whole and sorted: about 70 µs for a month of
 * 15,000 entries over 1,000,000 events, where the sort took 2 ms; 0.9 ms for the 346 dates of a year. `first` is only
 * the answer when `values` is at most SOUGHT_VALUES.
 */
export function firstInRangeSql(
  table: string,
  projection: AnyProjection,
  index: string,
  range: { readonly from?: IndexValue; readonly to?: IndexValue },
  after: string,
): SqlStatement {
  const column = indexColumn(projection, index);
  const upTo = given(range.to) ? ` AND ${column} <= ?` : '';
  const to = given(range.to) ? [range.to] : [];
  const sql = `WITH RECURSIVE value(v) AS (
      SELECT min(${column}) FROM ${table} WHERE ${given(range.from) ? `${column} >= ?` : `${column} IS NOT NULL`}${upTo}
      UNION ALL SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > v${upTo}) FROM value WHERE v IS NOT NULL
      LIMIT ${SOUGHT_VALUES + 1})
    SELECT count(v) AS "values",
      min((SELECT id FROM ${table} INDEXED BY ${indexName(table, index)} WHERE ${column} = v AND id > ? ORDER BY id LIMIT 1)) AS first
    FROM value`;
  return { sql, params: [...(given(range.from) ? [range.from] : []), ...to, ...to, after] };
}

/**
 * The documents whose value of an index is above `value` (and whose id is up to `throughId`, when given), with the index
 * columns `columns` names (by the name each is answered under): at most `limit`, in that index's order, read from it.
 */
export function aboveSql(
  table: string,
  projection: AnyProjection,
  index: string,
  value: string | number,
  { columns, throughId, limit }: { readonly columns: Readonly<Record<string, string>>; readonly throughId?: string; readonly limit: number },
): SqlStatement {
  const column = indexColumn(projection, index);
  const answered = Object.entries(columns).map(([name, field]) => `, ${indexColumn(projection, field)} AS ${name}`);
  const through = throughId === undefined ? '' : ' AND id <= ?';
  return {
    sql: `SELECT id${answered.join('')} FROM ${table} INDEXED BY ${indexName(table, index)} WHERE ${column} > ?${through} LIMIT ?`,
    params: throughId === undefined ? [value, limit] : [value, throughId, limit],
  };
}
