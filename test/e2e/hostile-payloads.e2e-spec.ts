import fc from 'fast-check';
import { hostilePayloads, Payload, sampleFromSchema } from '../support/hostile-payloads';
import { opening } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Fixed, so that a failure found once is found again; fast-check prints the seed and path to replay it. */
const SEED = 808;
const RUNS_PER_ROUTE = 60;
const PATH_PARAMS: Record<string, string> = { code: '1.000046', id: 'so-tu-phap', campaignId: 'cai-cach-2022' };

interface WriteRoute {
  readonly path: string;
  readonly url: string;
  readonly sample: ReturnType<typeof sampleFromSchema>;
}

/**
 * Malformed, oversized, wrongly typed, Unicode-heavy and injection-style bodies, generated from each write route's
 * own schema, sent to every write route the OpenAPI document lists: never a 5xx; a refusal writes nothing and names
 * the field at fault; an acceptance (a generated body that happens to be valid) writes; the service keeps serving,
 * and its log still verifies.
 */
describe('hostile payloads on every write route', () => {
  let t: TestApp;
  let routes: WriteRoute[];
  const tally = { sent: 0, accepted: 0, byStatus: {} as Record<number, number> };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { LEDGER_BODY_LIMIT_BYTES: String(256 * 1024), LEDGER_WRITES_PER_MINUTE: '1000000', LEDGER_SQLITE_SYNCHRONOUS: 'NORMAL' });
    expect((await t.request('POST', '/catalogue/opening-entries', opening([PATH_PARAMS.code]))).status).toBe(201);
    const doc = (await t.request('GET', '/docs-json', undefined, { Authorization: 'none' })).body;
    routes = Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>(doc.paths)
      .filter(([, methods]) => methods.post)
      .map(([path, methods]) => ({
        path,
        url: path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(PATH_PARAMS[name] ?? 'x')),
        sample: sampleFromSchema(methods.post.requestBody?.content['application/json']?.schema ?? { type: 'object', properties: {} }, doc.components.schemas),
      }));
  });
  afterAll(() => t.close());

  const eventCount = async () => (await t.store.stats()).eventCount;

  /** Sends one body as a holder allowed to write there, and checks the answer against what the log shows. */
  const send = async (route: WriteRoute, payload: Payload) => {
    const role = route.path === '/ledger/digests' ? 'inspector' : 'reform-office';
    const before = await eventCount();
    const response = await t.app.inject({
      method: 'POST',
      url: route.url,
      headers: { authorization: `Bearer ${t.keyFor(`fuzz-${role}`, role)}`, 'content-type': 'application/json' },
      payload: payload.text,
    });
    const written = (await eventCount()) - before;
    const status = response.statusCode;
    tally.sent += 1;
    tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
    const context = `${route.path} with ${payload.what}: ${status} ${response.body.slice(0, 300)}`;
    if (status >= 500) throw new Error(`5xx for ${context}`);
    if (status < 300) {
      tally.accepted += 1;
      if (written === 0) throw new Error(`accepted without writing: ${context}`);
      return;
    }
    if (written !== 0) throw new Error(`refused, yet ${written} events written: ${context}`);
    const details: Array<{ field?: unknown }> = JSON.parse(response.body).details ?? [];
    // A field may be named "" when the body has a key "": that is its name.
    if (details.length === 0 || !details.every((d) => typeof d.field === 'string')) throw new Error(`error names no field: ${context}`);
  };

  it('never answers 5xx, writes nothing it refuses, and names the field of every refusal', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(hostilePayloads(route.sample), (payload) => send(route, payload)),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    expect(tally.sent).toBeGreaterThanOrEqual(1000);
    // Nearly every generated body is invalid; the few valid ones were checked to write.
    expect(tally.accepted).toBeLessThan(tally.sent / 10);
    console.info(`hostile payloads: ${tally.sent} sent to ${routes.length} routes, ${tally.accepted} accepted; by status ${JSON.stringify(tally.byStatus)}`);
  }, 120_000);

  it('keeps serving, with an untouched prototype and a log that verifies', async () => {
    expect((await t.request('GET', '/health', undefined, { Authorization: 'none' })).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.request('GET', '/ledger/verify')).body).toMatchObject({ ok: true });
  });
});
