import { SqliteReadStore } from '../core/projection/read-store';
import { LiveProjections } from '../core/projection/live-projections';
import { auditTrailProjection } from '../../projections/audit-trail.projection';
import { AuditTrailHandler, AuditTrailQuery, AuditTrailRequest } from './audit-trail.query';

/**
 * How SQLite answers each audit-trail page. A page must be read off an index from the cursor on: a plan that sorts
 * the filter's matches (a temporary B-tree) or scans the table costs as much as the whole trail for every page, which
 * over a log of a million events made a filtered page take tens of milliseconds, and the annual report, which reads
 * the trail page by page, grow with the square of the log. The order and content of pages are checked end to end in
 * inspector.e2e-spec.ts; this checks only the plan.
 */
describe('audit trail query plans', () => {
  const store = new SqliteReadStore(':memory:');
  const generation = store.createGeneration(auditTrailProjection);
  store.db.transaction(() => store.makeLive(auditTrailProjection, generation, 0))();
  const runner = {
    caughtUp: async () => undefined,
    readModel: () => ({ queryJson: (query: object) => store.queryJson(auditTrailProjection, generation, query) }),
  } as unknown as LiveProjections;
  const handler = new AuditTrailHandler(runner);

  /** The plan of every statement the handler prepares for one request. */
  async function plansOf(request: AuditTrailRequest): Promise<string[]> {
    const statements: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    const spy = jest.spyOn(store.db, 'prepare').mockImplementation(((sql: string) => (statements.push(sql), prepare(sql))) as typeof store.db.prepare);
    try {
      await handler.execute(new AuditTrailQuery(request));
    } finally {
      spy.mockRestore();
    }
    return statements.flatMap((sql) => {
      const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x');
      return store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => (row as { detail: string }).detail);
    });
  }

  afterAll(() => store.close());

  it.each<[string, AuditTrailRequest]>([
    ['by actor', { actor: 'so-tu-phap' }],
    ['by actor, from a cursor', { actor: 'so-tu-phap', cursor: '500000' }],
    ['by decision', { decision: '12/QĐ-UBND' }],
    ['by entity', { entityType: 'procedure', entityId: '1.000046' }],
    ['by type, from a cursor', { type: 'ProcessingTimeCut', cursor: '42' }],
    ['every event, from a cursor', { cursor: '500000' }],
    ['effective by a date, from a cursor (the annual report)', { effectiveTo: '2023-12-31', cursor: '500000', limit: 1000 }],
  ])('reads a page %s off an index, without sorting', async (_name, request) => {
    const plan = await plansOf(request);
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan) {
      expect(step).toMatch(/USING (COVERING )?INDEX/);
      expect(step).not.toMatch(/TEMP B-TREE/);
      // From a cursor, the index is entered at the cursor, not walked from the start of the log up to it.
      if (request.cursor) expect(step).toMatch(/^SEARCH .*\bid>\?/);
    }
  });

  it.each<[string, AuditTrailRequest, string]>([
    ['a decision of a type', { type: 'ProcessingTimeCut', decision: '12/QĐ-UBND' }, 'decision'],
    ['an entity of a kind, from a cursor', { entityType: 'procedure', entityId: '1.000046', cursor: '42' }, 'entity_id'],
    ['an actor of a type, from a cursor', { type: 'ProcedureAmended', actor: 'so-tu-phap', cursor: '42' }, 'actor'],
    ['a decision of an actor', { actor: 'so-tu-phap', decision: '12/QĐ-UBND' }, 'decision'],
  ])('reads %s off the index of the fewer matches', async (_name, request, index) => {
    const plan = await plansOf(request);
    expect(plan).toEqual([expect.stringMatching(new RegExp(`USING INDEX \\w+_${index} \\(ix_${index}=\\?`))]);
  });
});
