import Database from 'better-sqlite3';
import { AnyProjection, DocumentProjection, INDEX_NAME, IndexValue } from './document-projection';
import { builderGone, GenerationBuilder, thisBuilder } from './generation-builder';
import {
  aboveSql,
  DocumentQuery,
  firstInRangeSql,
  indexName,
  RangePlan,
  RangeWindow,
  rangeWindow,
  selectSql,
  SOUGHT_VALUES,
  WindowStart,
  windowEndSql,
} from './document-query-sql';

export { DocumentQuery } from './document-query-sql';

/** Where a projection's current documents live and how far into the log they reach. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  /** Position of the last event folded. */
  readonly position: number;
  /**
   * Id of the event at `position`, which ties the read model to the log it was folded from (see checkpoint-event.ts);
   * null at position 0, and in a read store written before it was kept.
   */
  readonly checkpointEvent?: string | null;
}

export interface SnapshotStatus extends ProjectionStatus {
  readonly label: string;
  readonly asOf: string | null;
  readonly knownAt: string | null;
}

/** Reads and writes the documents of one generation of one projection. */
export interface DocumentTable<Doc> {
  get(id: string): Doc | undefined;
  put(id: string, document: Doc): void;
  delete(id: string): void;
}

export interface DocumentRow<Doc> {
  readonly id: string;
  readonly document: Doc;
  readonly orderValue: IndexValue;
}

/** A document as stored: its JSON text, unparsed, in UTF-8. */
export interface DocumentJson {
  readonly id: string;
  readonly json: Buffer;
}

/** A document's field as SQLite's json_extract finds it: `$.name` or `$.name.name…`, plain names only. */
const JSON_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,40}$/;

/** Named fields of one document (see SqliteReadStore.queryFields): strings and numbers as they are, objects as JSON. */
export type DocumentFields<Name extends string> = { readonly id: string } & { readonly [name in Name]: string | number | null };

interface StoredRow {
  readonly id: string;
  readonly doc: string;
  readonly orderValue: IndexValue;
}

const SELECT_SNAPSHOTS =
  'SELECT label, name, version, generation, position, checkpoint_event AS checkpointEvent, as_of AS asOf, known_at AS knownAt FROM snapshots';

const toDocumentRow = <Doc>(row: StoredRow): DocumentRow<Doc> => ({ id: row.id, document: JSON.parse(row.doc) as Doc, orderValue: row.orderValue });

const REGISTRY = `
CREATE TABLE IF NOT EXISTS projections (
  name TEXT PRIMARY KEY, version INTEGER NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL, checkpoint_event TEXT
);
CREATE TABLE IF NOT EXISTS snapshots (
  label TEXT PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL, generation INTEGER NOT NULL,
  position INTEGER NOT NULL, as_of TEXT, known_at TEXT, checkpoint_event TEXT
);
CREATE TABLE IF NOT EXISTS generations (generation INTEGER PRIMARY KEY, host TEXT, pid INTEGER, started TEXT, created_at INTEGER);
`;

/** Columns added to the registry since its first version, which a read store written before them gets once. */
const ADDED_COLUMNS: ReadonlyArray<readonly [table: string, column: string, type: string]> = [
  ['projections', 'checkpoint_event', 'TEXT'],
  ['snapshots', 'checkpoint_event', 'TEXT'],
  ['generations', 'host', 'TEXT'],
  ['generations', 'pid', 'INTEGER'],
  ['generations', 'started', 'TEXT'],
  ['generations', 'created_at', 'INTEGER'],
];

export const tableName = (projection: string, generation: number): string => `rm_${projection.replace(/[^a-z0-9]/gi, '_')}_g${generation}`;

/**
 * The read side's SQLite database: one table per generation of each projection (documents as JSON plus indexed
 * columns), a registry of which generation is live and its checkpoint, and snapshots built "as of" a date.
 * A projection's documents and its checkpoint are always written in the same transaction.
 */
export class SqliteReadStore {
  readonly db: Database.Database;
  /**
   * Statements by SQL text. Preparing one costs as much as running it: the live runner opens a batch after every
   * write and every read of a document or a page goes through here, so preparing them afresh each time made a good
   * part of a request's time. The SQL texts are few (a handful per table, and per combination of query filters).
   */
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Runs its reads in one read transaction, so that they all see one moment: another connection's commit (the live
   * runner in its worker, a rebuild's swap) cannot come between them. Made once, since better-sqlite3 builds a wrapper
   * per `transaction`. Reads only: no await inside.
   */
  readonly readTogether: <T>(read: () => T) => T;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // The log is the source of truth: a read model lost in a power cut is rebuilt from it, so NORMAL is enough.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    // 64 MB of page cache instead of SQLite's 2 MB: folding reads and rewrites documents all over their tables, and
    // pages found in the cache spare a system call each; bounded, so memory stays flat whatever the size of the log.
    this.db.pragma('cache_size = -65536');
    this.db.exec(REGISTRY);
    this.addMissingColumns();
    this.readTogether = this.db.transaction((read: () => unknown) => read()) as <T>(read: () => T) => T;
  }

  /**
   * A read store written before a column of the registry existed gets it, once, checked again under the write lock since
   * rebuild workers open the same file at once; otherwise no lock is taken, which a long rebuild may hold.
   */
  private addMissingColumns(): void {
    const missing = () =>
      ADDED_COLUMNS.filter(([table, column]) => !(this.db.pragma(`table_info(${table})`) as Array<{ name: string }>).some((c) => c.name === column));
    if (missing().length === 0) return;
    this.db.transaction(() => missing().forEach(([table, column, type]) => this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`))).immediate();
  }

  status(name: string): ProjectionStatus | undefined {
    return this.prepared<[string], ProjectionStatus>(
      'SELECT name, version, generation, position, checkpoint_event AS checkpointEvent FROM projections WHERE name = ?',
    ).get(name);
  }

  snapshot(label: string): SnapshotStatus | undefined {
    return this.db.prepare<[string], SnapshotStatus>(`${SELECT_SNAPSHOTS} WHERE label = ?`).get(label);
  }

  /** Every snapshot (of one projection, when named), whatever its point in time and version, in the order of labels. */
  snapshots(name?: string): SnapshotStatus[] {
    const select = `${SELECT_SNAPSHOTS} ${name === undefined ? '' : 'WHERE name = ?'} ORDER BY label`;
    return this.db.prepare<string[], SnapshotStatus>(select).all(...(name === undefined ? [] : [name]));
  }

  /**
   * Drops a snapshot and its documents; false when there is none of that label (or, with `generation`, when the
   * snapshot of that label is another generation: one written again meanwhile).
   */
  dropSnapshot(label: string, generation?: number): boolean {
    // IMMEDIATE: it reads before it writes (see registerSnapshot).
    return this.db
      .transaction(() => {
        const snapshot = this.snapshot(label);
        if (!snapshot || (generation !== undefined && snapshot.generation !== generation)) return false;
        this.db.prepare('DELETE FROM snapshots WHERE label = ?').run(label);
        this.dropGeneration(snapshot.name, snapshot.generation);
        return true;
      })
      .immediate();
  }

  /** How many documents a generation of a projection holds. */
  documentCount(name: string, generation: number): number {
    return (this.db.prepare(`SELECT count(*) AS count FROM ${tableName(name, generation)}`).get() as { count: number }).count;
  }

  /**
   * A new, empty generation of a projection's table; not live until `makeLive` or `registerSnapshot`.
   * A rebuild passes `indexed: false` and calls `createIndexes` once its documents are written: building an index
   * by sorting the finished table is several times cheaper than keeping it up to date through every write.
   */
  createGeneration(projection: AnyProjection, { indexed = true }: { indexed?: boolean } = {}): number {
    const indexes = Object.keys(projection.indexes ?? {});
    for (const index of indexes) if (!INDEX_NAME.test(index)) throw new Error(`index name ${index} of ${projection.name} is not a plain identifier`);
    const builder = thisBuilder();
    const generation = this.db
      .prepare('INSERT INTO generations (host, pid, started, created_at) VALUES (?, ?, ?, ?)')
      .run(builder.host, builder.pid, builder.started, builder.createdAt).lastInsertRowid as number;
    const columns = indexes.map((index) => `, ix_${index}`).join('');
    // A rowid table, not WITHOUT ROWID: documents are hundreds of bytes, and a B-tree keyed by their id must move
    // whole documents between pages on every split; here it moves only the small (id, rowid) entries of the key's
    // index, which made writes of documents in random id order about four times faster.
    this.db.exec(`CREATE TABLE ${tableName(projection.name, generation)} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL${columns})`);
    if (indexed) this.createIndexes(projection, generation);
    return generation;
  }

  /** The indexed columns' indexes of a generation; those it has already are left alone. */
  createIndexes(projection: AnyProjection, generation: number): void {
    for (const index of Object.keys(projection.indexes ?? {})) this.createIndex(projection, generation, index);
  }

  /** One indexed column's index of a generation, unless it has it already. */
  createIndex(projection: AnyProjection, generation: number, index: string): void {
    const table = tableName(projection.name, generation);
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName(table, index)} ON ${table} (ix_${index}, id)`);
  }

  /**
   * Makes a generation the live one, dropping the one it replaces; call inside a transaction. `checkpointEvent` is the
   * id of the event at `position`.
   */
  makeLive(projection: AnyProjection, generation: number, position: number, checkpointEvent: string | null = null): void {
    const previous = this.status(projection.name);
    this.db
      .prepare('INSERT OR REPLACE INTO projections (name, version, generation, position, checkpoint_event) VALUES (?, ?, ?, ?, ?)')
      .run(projection.name, projection.version, generation, position, checkpointEvent);
    if (previous && previous.generation !== generation) this.dropGeneration(projection.name, previous.generation);
  }

  /**
   * Records a generation as the snapshot of that label, dropping the one it replaces; `checkpointEvent` is the id of
   * the event at `position`, which ties the snapshot to the log it was folded from. It reads before it writes: call it
   * inside a transaction begun IMMEDIATE (better-sqlite3's `.immediate()`). Begun deferred, a commit by another
   * connection between the read and the write (a service folding into the same file) fails it at once with
   * SQLITE_BUSY, which the busy timeout does not wait out.
   */
  registerSnapshot(
    projection: AnyProjection,
    label: string,
    generation: number,
    position: number,
    filter: { asOf?: string; knownAt?: string },
    checkpointEvent: string | null,
  ): void {
    const previous = this.snapshot(label);
    this.db
      .prepare('INSERT OR REPLACE INTO snapshots (label, name, version, generation, position, as_of, known_at, checkpoint_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(label, projection.name, projection.version, generation, position, filter.asOf ?? null, filter.knownAt ?? null, checkpointEvent);
    if (previous) this.dropGeneration(previous.name, previous.generation);
  }

  /**
   * Moves a live projection's checkpoint, but only if `generation` is still the live one: another process (a
   * rebuild) may have swapped it. Returns false when it has, and the caller must reload.
   */
  advance(name: string, generation: number, position: number, checkpointEvent: string): boolean {
    return (
      this.prepared('UPDATE projections SET position = ?, checkpoint_event = ? WHERE name = ? AND generation = ?').run(position, checkpointEvent, name, generation)
        .changes === 1
    );
  }

  /**
   * Drops generations that nothing refers to and whose builder no longer runs: left behind by a rebuild that died
   * before its swap. One still being built (a `ledger rebuild` beside a service that starts) is left to its builder.
   * Returns the tables dropped.
   */
  dropOrphans(): string[] {
    const used = new Set(
      this.db
        .prepare<[], { name: string; generation: number }>('SELECT name, generation FROM projections UNION SELECT name, generation FROM snapshots')
        .all()
        .map((row) => tableName(row.name, row.generation)),
    );
    const builders = new Map(
      this.db
        .prepare<[], GenerationBuilder & { generation: number }>(
          'SELECT generation, host, pid, started, created_at AS createdAt FROM generations WHERE host IS NOT NULL',
        )
        .all()
        .map(({ generation, ...builder }) => [generation, builder]),
    );
    const tables = this.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\'").all();
    const left = tables.map(({ name }) => name).filter((name) => !used.has(name));
    const dropped = left.filter((name) => {
      const builder = builders.get(Number(/_g(\d+)$/.exec(name)?.[1]));
      return builder === undefined || builderGone(builder);
    });
    for (const name of dropped) this.db.exec(`DROP TABLE IF EXISTS ${name}`);
    return dropped;
  }

  table<Doc>(projection: DocumentProjection<Doc>, generation: number): DocumentTable<Doc> {
    const table = tableName(projection.name, generation);
    const indexes = Object.entries(projection.indexes ?? {});
    const get = this.prepared<[string], { doc: string }>(`SELECT doc FROM ${table} WHERE id = ?`);
    const columns = ['id', 'doc', ...indexes.map(([index]) => `ix_${index}`)];
    // An upsert rather than INSERT OR REPLACE: REPLACE deletes the row and inserts it again under a new rowid,
    // rewriting the key's index entry too; updating in place touches only the row's page (and changed indexes).
    // On documents changed again and again during a rebuild, that made writes about four times faster.
    const updates = columns.slice(1).map((column) => `${column} = excluded.${column}`).join(', ');
    const put = this.prepared(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates}`,
    );
    const remove = this.prepared(`DELETE FROM ${table} WHERE id = ?`);
    return {
      get: (id) => {
        const row = get.get(id);
        return row && (JSON.parse(row.doc) as Doc);
      },
      put: (id, document) => put.run(id, JSON.stringify(document), ...indexes.map(([, value]) => value(document))),
      delete: (id) => remove.run(id),
    };
  }

  query<Doc>(projection: DocumentProjection<Doc>, generation: number, query: DocumentQuery = {}): DocumentRow<Doc>[] {
    return this.page<StoredRow>(projection, generation, query, 'doc').map((row) => toDocumentRow<Doc>(row));
  }

  /**
   * Like `query`, the documents left as the JSON they are stored as: for answers that send documents as they are,
   * without parsing them only to write them again.
   */
  queryJson(projection: AnyProjection, generation: number, query: DocumentQuery = {}): DocumentJson[] {
    // As bytes (a BLOB): turning them into a JavaScript string, and the answer back into UTF-8, cost more than the query.
    return this.page<DocumentJson>(projection, generation, query, 'CAST(doc AS BLOB) AS json');
  }

  /**
   * Chosen fields of the documents a query selects, by name, without parsing the documents here: for readers that need
   * a few fields of many documents, to whom parsing each document whole cost twice as much. A field is the name of one
   * of the projection's indexes (its column is read; the cheapest) or a path into the document, taken out of the stored
   * JSON by SQLite (json_extract). A missing value is `null`; an object or an array comes as its JSON text.
   */
  queryFields<Name extends string>(
    projection: AnyProjection,
    generation: number,
    query: DocumentQuery,
    fields: Readonly<Record<Name, string>>,
  ): Array<DocumentFields<Name>> {
    const indexes = new Set(Object.keys(projection.indexes ?? {}));
    const columns = Object.entries<string>(fields).map(([name, field]) => {
      // Inlined into the SQL text (one statement kept per set of fields): only names that cannot be anything else.
      if (!FIELD_NAME.test(name) || name === 'id' || !(indexes.has(field) || JSON_PATH.test(field))) {
        throw new Error(`field ${name} (${field}) is not a plain name with an index or a path`);
      }
      return `${indexes.has(field) ? `ix_${field}` : `json_extract(doc, '${field}')`} AS ${name}`;
    });
    return this.page<DocumentFields<Name>>(projection, generation, query, columns.join(', '));
  }

  /**
   * The documents whose indexed value is above `value` (and whose id is up to `throughId`, when given), with the index
   * columns named in `fields`: at most `limit`, in that index's order. Read from the index from the value up, so that it
   * costs one step per document above it: few, where the values grow with the id and `value` is a recent one.
   */
  above<Name extends string>(
    projection: AnyProjection,
    generation: number,
    index: string,
    value: string | number,
    { fields, throughId, limit }: { readonly fields: Readonly<Record<Name, string>>; readonly throughId?: string; readonly limit: number },
  ): Array<DocumentFields<Name>> {
    // The names are inlined into the SQL text: only plain ones (the columns' are checked to be indexes).
    for (const name of Object.keys(fields)) if (!FIELD_NAME.test(name) || name === 'id') throw new Error(`field name ${name} is not a plain name`);
    const { sql, params } = aboveSql(tableName(projection.name, generation), projection, index, value, { columns: fields, throughId, limit });
    return this.prepared<IndexValue[], DocumentFields<Name>>(sql).all(...params);
  }

  /**
   * The documents a query selects, read lazily: for answers folded from more documents than should be held at once.
   * Nothing else may use the connection until the iteration ends, so the caller must not await in between.
   */
  *iterate<Doc>(projection: DocumentProjection<Doc>, generation: number, query: DocumentQuery = {}): IterableIterator<DocumentRow<Doc>> {
    const { sql, params } = selectSql(tableName(projection.name, generation), projection, query, 'doc');
    for (const row of this.prepared<IndexValue[], StoredRow>(sql).iterate(...params)) yield toDocumentRow<Doc>(row);
  }

  /**
   * The rows of a query, each with `id`, the `columns` asked for and the order value. A page of a query on ranges (with
   * no equality on a selective index) is first looked for in windows of the documents after the cursor (see
   * `rangeWindow`), and the rest of it asked of the range's index, or of SQLite's plan when there are equalities, only
   * when they cannot give it.
   */
  private page<Row>(projection: AnyProjection, generation: number, query: DocumentQuery, columns: string): Row[] {
    const table = tableName(projection.name, generation);
    const rows = (pageQuery: DocumentQuery, plan?: RangePlan) => {
      const { sql, params } = selectSql(table, projection, pageQuery, columns, plan);
      return this.prepared<IndexValue[], Row>(sql).all(...params);
    };
    const window = rangeWindow(projection, query);
    if (window === undefined) return rows(query);
    const equalities = Object.values(query.where ?? {}).some((value) => value !== undefined);
    /**
     * At most `limit` documents from `start`: in the window up to `through` when bounds are given, else asked of the
     * range's index, which sorts its matches from there, or of SQLite's plan when there are equalities.
     */
    const rowsFrom = (start: WindowStart, limit: number, bounds?: { through: string | undefined }) => {
      const at = start && 'at' in start ? start.at : undefined;
      // From a match of the range, rather than after the cursor: nothing between them is in the range.
      const pageQuery = { ...query, after: start && 'after' in start ? { value: null, id: start.after } : undefined, limit };
      if (bounds) return rows(pageQuery, { at, through: bounds.through });
      if (!equalities) return rows(pageQuery, { index: window.index, at });
      return at === undefined ? rows(pageQuery) : rows(pageQuery, { at });
    };
    // Several statements answer such a page: one read transaction gives them one snapshot, so that a write or a
    // rebuild's swap committed in between by another connection cannot make the page half of each.
    return this.readTogether(() => this.windowedPage(table, projection, query, window, rowsFrom));
  }

  /**
   * A page of a query on ranges read from windows of documents in id order, and from the range's index (or SQLite's
   * plan) where they cannot give it. When the window after the cursor ends short of a page, the range's index is
   * sought for its next match beyond the window: none means the page is complete (the last page of a range). One, when
   * the window held no match, means the range begins there, and a second window starts at it (the first page of a
   * range). Matches both in the window and beyond it (a sparse range, or equalities that few of the range's documents
   * meet) leave the rest of the page, from that next match on, to the index: more windows would cost more than they
   * are likely to save.
   */
  private windowedPage<Row>(
    table: string,
    projection: AnyProjection,
    query: DocumentQuery,
    window: RangeWindow,
    rowsFrom: (start: WindowStart, limit: number, bounds?: { through: string | undefined }) => Row[],
  ): Row[] {
    const limit = query.limit!;
    const inWindow = (start: WindowStart) => {
      const end = windowEndSql(table, start, window.size);
      const through = this.prepared<IndexValue[], { id: string }>(end.sql).get(...end.params)?.id;
      const page = rowsFrom(start, limit, { through });
      // A window running to the end of the table has been read whole: what it holds is the answer.
      return { page, through, complete: page.length === limit || through === undefined };
    };
    const cursor: WindowStart = query.after && { after: query.after.id };
    const near = inWindow(cursor);
    if (near.complete) return near.page;
    const next = firstInRangeSql(table, projection, window.index, query.ranges![window.index]!, near.through!);
    const sought = this.prepared<IndexValue[], { values: number; first: string | null }>(next.sql).get(...next.params)!;
    if (sought.values > SOUGHT_VALUES) return rowsFrom(cursor, limit);
    if (sought.first === null) return near.page;
    if (near.page.length > 0) return [...near.page, ...rowsFrom({ at: sought.first }, limit - near.page.length)];
    const far = inWindow({ at: sought.first });
    if (far.complete) return far.page;
    return [...far.page, ...rowsFrom({ after: far.through! }, limit - far.page.length)];
  }

  /** Every document of a generation, in id order, read lazily. */
  *documents<Doc>(projection: DocumentProjection<Doc>, generation: number): IterableIterator<Doc> {
    const rows = this.db.prepare<[], { doc: string }>(`SELECT doc FROM ${tableName(projection.name, generation)} ORDER BY id`).iterate();
    for (const row of rows) yield JSON.parse(row.doc) as Doc;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private prepared<Params extends unknown[] = unknown[], Row = unknown>(sql: string): Database.Statement<Params, Row> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as Database.Statement<Params, Row>;
  }

  private dropGeneration(name: string, generation: number): void {
    const table = tableName(name, generation);
    this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    // A dropped table's statements would fail if run again: forget them.
    for (const sql of this.statements.keys()) if (sql.includes(` ${table} `)) this.statements.delete(sql);
  }
}
