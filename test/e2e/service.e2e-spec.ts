import { decision, newItem } from '../support/fixtures';
import { startTestApp } from '../support/test-app';

describe('the service', () => {
  it('serves OpenAPI docs at /docs and the document at /docs-json', async () => {
    const t = await startTestApp();
    const page = await t.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger');
    const document = (await t.request('GET', '/docs-json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/decisions', '/catalogue/opening-entries', '/procedures', '/procedures/{code}', '/procedures/{code}/history', '/procedures/{code}/cuts']),
    );
    expect(document.components.schemas.DecisionItemDto.properties.kind.enum).toEqual(['new', 'amended', 'replaced', 'abolished']);
    await t.close();
  });

  it('keeps every acknowledged event in its SQLite file across a restart, and rebuilds the catalogue from it', async () => {
    const first = await startTestApp('sqlite');
    const dataDir = first.config.dataDir;
    expect((await first.request('POST', '/decisions', decision([newItem('1.000046'), newItem('1.000047')]))).status).toBe(201);
    await first.app.close();

    const second = await startTestApp('sqlite', { LEDGER_DATA_DIR: dataDir });
    expect((await second.request('GET', '/procedures/1.000046')).body).toMatchObject({ code: '1.000046', status: 'in_force' });
    expect((await second.request('GET', '/procedures')).body.items).toHaveLength(2);
    const health = (await second.request('GET', '/health')).body;
    expect(health).toMatchObject({ status: 'ok', logHead: 3 });
    expect(health.projections.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['procedure-catalog', 'audit-trail', 'processing-time-cuts']));
    expect(health.projections.every((p: { checkpoint: number }) => p.checkpoint === 3)).toBe(true);
    expect((await second.request('GET', '/ledger/stats')).body).toEqual({ eventCount: 3, streamCount: 3, lastPosition: 3 });
    await second.close();
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  });
});
