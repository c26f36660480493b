import { runCli } from '../../src/cli/run-cli';
import { decision, newItem, opening } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const sample: Record<string, string> = { code: '1.000046', id: 'so-tu-phap', eventId: '01890a5d-ac96-774b-bcce-b302099a8057', year: '2022' };
const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(sample[name] ?? 'x'));

describe('who may do what', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp('memory');
    await t.request('POST', '/catalogue/opening-entries', opening(['1.000046']));
  });
  afterEach(() => t.close());
  const eventCount = async () => (await t.store.stats()).eventCount;

  it('answers 401 without a key, or with an unknown one, and 403 to a role that may not, on every route; writing nothing', async () => {
    const paths: Record<string, Record<string, unknown>> = (await t.request('GET', '/docs-json', undefined, { Authorization: 'none' })).body.paths;
    const inspector = `Bearer ${t.keyFor('inspector-1', 'inspector')}`;
    const office = `Bearer ${t.keyFor('office-1', 'reform-office')}`;
    const before = await eventCount();
    let checked = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase() as 'GET' | 'POST')) {
        const url = urlOf(path);
        const body = method === 'POST' ? {} : undefined;
        if (path === '/health') {
          expect((await t.request(method, url, body, { Authorization: 'none' })).status).toBe(200);
          continue;
        }
        const none = await t.request(method, url, body, { Authorization: 'none' });
        expect([path, none.status, none.body.code]).toEqual([path, 401, 'AUTH.MISSING_KEY']);
        expect(none.headers['www-authenticate']).toContain('Bearer');
        const wrong = await t.request(method, url, body, { Authorization: 'Bearer rl_nope_nope' });
        expect([path, wrong.status, wrong.body.code]).toEqual([path, 401, 'AUTH.INVALID_KEY']);
        if (method === 'POST') {
          const forbidden = await t.request(method, url, body, { Authorization: path === '/ledger/digests' ? office : inspector });
          expect([path, forbidden.status, forbidden.body.code]).toEqual([path, 403, 'AUTH.FORBIDDEN_ROLE']);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(await eventCount()).toBe(before);
  });

  it('lets every role read', async () => {
    for (const role of ['reform-office', 'inspector', 'admin'] as const) {
      const response = await t.request('GET', '/procedures/1.000046', undefined, { Authorization: `Bearer ${t.keyFor(`${role}-reader`, role)}` });
      expect([role, response.status]).toEqual([role, 200]);
    }
  });

  it('records the key holder as the actor, whatever the request claims', async () => {
    const alice = `Bearer ${t.keyFor('alice', 'reform-office')}`;
    await t.request('POST', '/decisions', decision([newItem('2.1')]), { Authorization: alice, 'X-Actor': 'mallory' });
    const spoofInBody = await t.request('POST', '/decisions', { ...decision([newItem('2.2')]), actor: 'mallory' }, { Authorization: alice });
    expect(spoofInBody.status).toBe(400);
    expect(spoofInBody.body.details).toContainEqual(expect.objectContaining({ field: 'actor', rule: 'whitelistValidation' }));
    const events = await t.store.readAll();
    expect(events.slice(1).map((e) => e.metadata.actor)).toEqual(['alice', 'alice']);
  });

  it('refuses a revoked key', async () => {
    const { key, record } = t.app.get(require('../../src/access/api-key.store').ApiKeyStore).create('bob', 'inspector');
    expect((await t.request('GET', '/procedures', undefined, { Authorization: `Bearer ${key}` })).status).toBe(200);
    t.app.get(require('../../src/access/api-key.store').ApiKeyStore).revoke(record.id);
    expect((await t.request('GET', '/procedures', undefined, { Authorization: `Bearer ${key}` })).status).toBe(401);
  });
});

describe('write rate limit', () => {
  it('answers 429 with Retry-After past the limit per key, writing nothing, and leaves reads alone', async () => {
    const t = await startTestApp('memory', { LEDGER_WRITES_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.request('POST', '/decisions', decision([newItem(`2.${i}`)], { decision: { number: `${i + 1}/QĐ-UBND`, date: '2022-06-01', issuer: 'UBND' } }))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await t.request('POST', '/decisions', decision([newItem('2.9')]));
    expect(limited.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.store.stats()).eventCount).toBe(6);
    expect((await t.request('POST', '/decisions', decision([newItem('2.8')]), { 'X-Actor': 'another-office' })).status).not.toBe(429);
    for (let i = 0; i < 5; i++) expect((await t.request('GET', '/procedures')).status).toBe(200);
    await t.close();
  });
});

describe('ledger keys', () => {
  it('creates a key shown once, lists keys without them, and revokes; the service honours both', async () => {
    const t = await startTestApp('sqlite');
    const dataDir = t.config.dataDir;
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, '--data-dir', dataDir], { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out, err: err.join('\n') };
    };
    const created = await cli('keys', 'create', '--name', 'Nguyễn Văn A', '--role', 'inspector');
    expect(created).toMatchObject({ code: 0 });
    const key = created.out[1];
    const id = /created key (\w+)/.exec(created.out[0])![1];
    expect((await t.request('GET', '/procedures', undefined, { Authorization: `Bearer ${key}` })).status).toBe(200);

    const listed = await cli('keys', 'list');
    expect(listed.out.join('\n')).toContain('Nguyễn Văn A');
    expect(listed.out.join('\n')).not.toContain(key);

    expect((await cli('keys', 'revoke', id)).code).toBe(0);
    expect((await t.request('GET', '/procedures', undefined, { Authorization: `Bearer ${key}` })).status).toBe(401);
    expect((await cli('keys', 'list')).out.join('\n')).toContain('REVOKED');
    expect(await cli('keys', 'revoke', id)).toMatchObject({ code: 1, err: expect.stringContaining('no active key') });
    expect(await cli('keys', 'create', '--name', 'x', '--role', 'superuser')).toMatchObject({ code: 1, err: expect.stringContaining('--role must be one of') });
    await t.close();
  });
});
