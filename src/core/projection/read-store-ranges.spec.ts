import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentProjection } from './document-projection';
import { DocumentQuery } from './document-query-sql';
import { SqliteReadStore, tableName } from './read-store';

interface Dated {
  readonly n: number;
  readonly date: string;
  /** A column of few values, as an event type or a kind of entity is. */
  readonly kind: 'fifth' | 'other';
  /** Falling as the id rises, one value per document, as no date does. */
  readonly countdown: number;
}

const dated: DocumentProjection<Dated> = {
  name: 'dated',
  version: 1,
  handles: [],
  documentId: (event) => event.streamId,
  evolve: (document) => document,
  indexes: { date: (document) => document.date, kind: (document) => document.kind, countdown: (document) => document.countdown },
};

const idOf = (n: number) => String(n).padStart(6, '0');

/**
 * 6,000 documents whose dates come in runs, as effective dates do in a log: 2019 for the first thousand, 2022 for the
 * next three thousand, 2024 for the last two thousand, and every 97th document dated 2021 wherever it falls. A page of
 * a range is first looked for in the 2,000 documents after the cursor: here a range can be dense right after a cursor,
 * begin thousands of documents away from it, or be sparse everywhere.
 */
const dateOf = (n: number): string => {
  if (n % 97 === 0) return `2021-0${1 + (n % 9)}-15`;
  const year = n < 1_000 ? 2019 : n < 4_000 ? 2022 : 2024;
  return `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
};

/** A generation of `dated` in `store` holding `documents`, each under its number's id. */
function generationOf(store: SqliteReadStore, documents: readonly Dated[]): number {
  const generation = store.createGeneration(dated);
  const table = store.table(dated, generation);
  store.db.transaction(() => documents.forEach((document) => table.put(idOf(document.n), document)))();
  return generation;
}

describe('pages of a query on date ranges', () => {
  const store = new SqliteReadStore(':memory:');
  const documents: Dated[] = Array.from({ length: 6_000 }, (_, n) => ({ n, date: dateOf(n), kind: n % 5 === 0 ? 'fifth' : 'other', countdown: 5_999 - n }));
  const generation = generationOf(store, documents);
  afterAll(() => store.close());

  /** The SQL of every statement run to answer `query`, with the page it gave. */
  function answered(query: DocumentQuery): { page: number[]; statements: string[] } {
    const statements: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    const spy = jest.spyOn(store.db, 'prepare').mockImplementation(((sql: string) => (statements.push(sql), prepare(sql))) as typeof store.db.prepare);
    // Statements are kept once prepared: forget them, so that each one this query runs is prepared (and seen) again.
    (store as unknown as { statements: Map<string, unknown> }).statements.clear();
    try {
      return { page: store.query(dated, generation, query).map((row) => row.document.n), statements };
    } finally {
      spy.mockRestore();
    }
  }
  const sorts = (sql: string) =>
    store.db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x'))
      .some((step) => /TEMP B-TREE/.test((step as { detail: string }).detail));

  it('answers every page as the documents in the range (of the kind asked) after the cursor, in id order, whichever way it is read', () => {
    // Far apart, and the bounds of months (fewer dates than are sought one by one: see SOUGHT_VALUES).
    const day = fc.constantFrom(
      ...['2018-06-01', '2019-03-01', '2019-12-31', '2021-01-01', '2021-12-31', '2022-02-01', '2022-02-10', '2022-02-28'],
      ...['2022-11-30', '2024-02-01', '2024-02-29', '2024-07-07', '2025-01-01'],
    );
    fc.assert(
      fc.property(
        fc.option(day, { nil: undefined }),
        fc.option(day, { nil: undefined }),
        fc.constantFrom(undefined, 'fifth', 'other'),
        fc.integer({ min: -1, max: 5_999 }),
        fc.integer({ min: 1, max: 300 }),
        (from, to, kind, cursor, limit) => {
          const query: DocumentQuery = {
            ranges: { date: { from, to } },
            ...(kind && { where: { kind } }),
            limit,
            ...(cursor >= 0 && { after: { value: null, id: idOf(cursor) } }),
          };
          const expected = documents
            .filter((d) => d.n > cursor && (from === undefined || d.date >= from) && (to === undefined || d.date <= to) && (!kind || d.kind === kind))
            .slice(0, limit)
            .map((d) => d.n);
          expect(answered(query).page).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('walks a dense range page by page in the documents after each cursor, never sorting', () => {
    let after: string | undefined = idOf(1_200);
    const sorted: boolean[] = [];
    while (after !== undefined) {
      const { page, statements } = answered({ ranges: { date: { from: '2022-01-01', to: '2022-12-31' } }, limit: 101, after: { value: null, id: after } });
      sorted.push(statements.some(sorts));
      after = page.length === 101 ? idOf(page.at(-1)!) : undefined;
    }
    expect(sorted.length).toBeGreaterThan(25);
    expect(sorted).not.toContain(true);
  });

  it("walks a month page by page in windows by id, seeking its first match and its end in the range's index, never sorting", () => {
    const walk = (from: string, to: string, cursor: number) => {
      const pages: Array<{ page: number[]; sorted: boolean }> = [];
      let after: string | undefined = idOf(cursor);
      while (after !== undefined) {
        const { page, statements } = answered({ ranges: { date: { from, to } }, limit: 40, after: { value: null, id: after } });
        pages.push({ page, sorted: statements.some(sorts) });
        after = page.length === 40 ? idOf(page.at(-1)!) : undefined;
      }
      return pages;
    };
    // February 2024 is every twelfth document from the 4,001st: its first page is 4,000 documents past the cursor.
    const february = walk('2024-02-01', '2024-02-29', 10);
    const expected = documents.filter((d) => d.date >= '2024-02-01' && d.date <= '2024-02-29').map((d) => d.n);
    expect(february.flatMap(({ page }) => page)).toEqual(expected);
    expect(february.length).toBeGreaterThan(3);
    expect(february.map(({ sorted }) => sorted)).not.toContain(true);
    // February 2022 ends 2,000 documents before the table does: its last page is known to be the last without a sort.
    const end = walk('2022-02-01', '2022-02-28', 3_500);
    expect(end.flatMap(({ page }) => page)).toEqual(documents.filter((d) => d.n > 3_500 && d.date >= '2022-02-01' && d.date <= '2022-02-28').map((d) => d.n));
    expect(end.map(({ sorted }) => sorted)).not.toContain(true);
  });

  it('finds the first page of a range of a kind thousands of documents past the cursor without walking to it', () => {
    // Read off the kind's index alone, this page would check every document of the kind from the cursor to the 4,001st.
    const { page, statements } = answered({ where: { kind: 'other' }, ranges: { date: { from: '2024-02-01', to: '2024-02-29' } }, limit: 40, after: { value: null, id: idOf(10) } });
    expect(page).toEqual(documents.filter((d) => d.kind === 'other' && d.date >= '2024-02-01' && d.date <= '2024-02-29').slice(0, 40).map((d) => d.n));
    const documentReads = statements.filter((sql) => sql.startsWith('SELECT id, doc'));
    expect(documentReads.length).toBeGreaterThan(0);
    // Every read of documents is a window: from a match of the range, or up to the end of a window.
    for (const sql of documentReads) expect(sql).toMatch(/id >= \?|id <= \?/);
    expect(statements.some(sorts)).toBe(false);
  });

  it("asks the range's index when its matches begin beyond the window and it holds too many values to seek, or are too few in it", () => {
    // 1,000 values of the countdown, each of one document: more than are sought one by one.
    const far = answered({ ranges: { countdown: { to: 999 } }, limit: 50 });
    expect(far.page).toEqual(documents.filter((d) => d.countdown <= 999).slice(0, 50).map((d) => d.n));
    expect(far.statements.some(sorts)).toBe(true);
    const sparse = answered({ ranges: { date: { from: '2021-01-01', to: '2021-12-31' } }, limit: 50, after: { value: null, id: idOf(10) } });
    expect(sparse.page).toHaveLength(50);
    expect(sparse.statements.some(sorts)).toBe(true);
  });
});

describe('a page of a range that its windows fall short of', () => {
  it('is finished from where the windows ended: after the cursor, at the range\'s next match, or after the last window', () => {
    const store = new SqliteReadStore(':memory:');
    try {
      // 2019 for the first 4,000 documents, then five dates of 2024; one document in 50 of the kind asked for.
      const documents: Dated[] = Array.from({ length: 10_000 }, (_, n) => ({
        n,
        date: n < 4_000 ? '2019-01-01' : `2024-0${1 + (n % 5)}-01`,
        kind: n % 50 === 0 ? 'fifth' : 'other',
        countdown: 0,
      }));
      const generation = generationOf(store, documents);
      const rare = (d: Dated, cursor: number) => d.n > cursor && d.kind === 'fifth' && d.date >= '2024-01-01';
      for (const cursor of [-1, 3_000, 3_990, 5_500]) {
        const query: DocumentQuery = { where: { kind: 'fifth' }, ranges: { date: { from: '2024-01-01', to: '2024-12-31' } }, limit: 60 };
        const page = store.query(dated, generation, { ...query, ...(cursor >= 0 && { after: { value: null, id: idOf(cursor) } }) });
        expect(page.map((row) => row.document.n)).toEqual(documents.filter((d) => rare(d, cursor)).slice(0, 60).map((d) => d.n));
      }
    } finally {
      store.close();
    }
  });
});

describe('a page of a range read in several statements', () => {
  it('is read from one snapshot, whatever another connection commits between its statements', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-ranges-'));
    const store = new SqliteReadStore(join(dir, 'readmodels.sqlite'));
    const writer = new Database(join(dir, 'readmodels.sqlite'));
    try {
      const documents: Dated[] = Array.from({ length: 6_000 }, (_, n) => ({ n, date: dateOf(n), kind: 'other', countdown: 5_999 - n }));
      const generation = generationOf(store, documents);
      const february = (d: Dated) => d.date >= '2024-02-01' && d.date <= '2024-02-29';
      const [first] = documents.filter(february);
      // Once the window after the cursor has been read (it holds no February), another connection moves a document
      // of that window into February, and the first February document out of it. Mixing the two states would answer
      // from the second February document, which in neither state begins the page.
      let moved = false;
      const prepare = store.db.prepare.bind(store.db);
      const spy = jest.spyOn(store.db, 'prepare').mockImplementation(((sql: string) => {
        const statement = prepare(sql);
        if (!sql.startsWith('SELECT id, doc')) return statement;
        const all = statement.all.bind(statement);
        return Object.assign(statement, {
          all: (...params: unknown[]) => {
            const rows = all(...params);
            if (!moved) {
              moved = true;
              const move = writer.prepare(`UPDATE ${tableName(dated.name, generation)} SET ix_date = ? WHERE id = ?`);
              move.run('2024-02-10', idOf(500));
              move.run('2019-01-01', idOf(first.n));
            }
            return rows;
          },
        });
      }) as typeof store.db.prepare);
      (store as unknown as { statements: Map<string, unknown> }).statements.clear();
      const page = store.query(dated, generation, { ranges: { date: { from: '2024-02-01', to: '2024-02-29' } }, limit: 5, after: { value: null, id: idOf(10) } });
      spy.mockRestore();
      expect(moved).toBe(true);
      expect(page.map((row) => row.document.n)).toEqual(documents.filter(february).slice(0, 5).map((d) => d.n));
    } finally {
      writer.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
