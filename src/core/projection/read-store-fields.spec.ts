import { DocumentProjection } from './document-projection';
import { SqliteReadStore } from './read-store';

interface Filing {
  readonly code: string;
  readonly agency: { readonly name: string; readonly level: string };
  readonly days?: number;
}

const filings: DocumentProjection<Filing> = {
  name: 'filings',
  version: 1,
  handles: [],
  documentId: (event) => event.streamId,
  evolve: (filing) => filing,
  indexes: { level: (filing) => filing.agency.level },
};

describe('chosen fields of documents, taken out of their JSON by SQLite', () => {
  const store = new SqliteReadStore(':memory:');
  const generation = store.createGeneration(filings);
  const table = store.table(filings, generation);
  table.put('a', { code: '1.000046', agency: { name: 'Sở Tư pháp', level: 'province' }, days: 12.5 });
  table.put('b', { code: '2.001', agency: { name: 'UBND cấp xã', level: 'commune' } });
  table.put('c', { code: '3.002', agency: { name: 'Sở Nội vụ', level: 'province' }, days: 3 });
  afterAll(() => store.close());

  it('gives each selected document its fields by name, from its JSON or an index: text and numbers as they are, objects as JSON, a missing one as null', () => {
    const fields = { code: '$.code', agency: '$.agency', agencyName: '$.agency.name', days: '$.days', level: 'level' };
    const rows = store.queryFields(filings, generation, { where: { level: 'province' } }, fields);
    expect(rows.map(({ id, code, agency, agencyName, days, level }) => ({ id, code, agency: JSON.parse(String(agency)), agencyName, days, level }))).toEqual([
      { id: 'a', code: '1.000046', agency: { name: 'Sở Tư pháp', level: 'province' }, agencyName: 'Sở Tư pháp', days: 12.5, level: 'province' },
      { id: 'c', code: '3.002', agency: { name: 'Sở Nội vụ', level: 'province' }, agencyName: 'Sở Nội vụ', days: 3, level: 'province' },
    ]);
    expect(store.queryFields(filings, generation, { where: { level: 'commune' } }, { days: '$.days' })).toEqual([expect.objectContaining({ id: 'b', days: null })]);
  });

  it('pages like the documents themselves: from a cursor, a limit at a time', () => {
    const page = store.queryFields(filings, generation, { after: { value: null, id: 'a' }, limit: 1 }, { code: '$.code' });
    expect(page.map((row) => row.code)).toEqual(['2.001']);
  });

  it.each([
    ['a name that is not plain', { 'code; DROP TABLE x': '$.code' }],
    ['the name id, which the rows already carry', { id: '$.code' }],
    ['a path that is not plain names', { code: "$.code') FROM x --" }],
    ['a path with an array index', { code: '$.items[0]' }],
    ['a field that is neither a path nor an index', { code: 'code' }],
  ])('refuses %s, since fields are written into the SQL', (_what, paths) => {
    expect(() => store.queryFields(filings, generation, {}, paths as Record<string, string>)).toThrow(/is not a plain name with an index or a path/);
  });
});
