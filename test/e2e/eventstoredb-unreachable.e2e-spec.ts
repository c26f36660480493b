import { ConfigError, loadConfig } from '../../src/config/ledger-config';
import { openEventStore } from '../../src/config/open-event-store';
import { EsdbEventStore } from '../../src/core/event-store/esdb-event-store';
import { decision, newItem, opening } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Nothing listens there: EventStoreDB is down, or was never started. No server is needed to check what follows. */
const NOWHERE = 'esdb://127.0.0.1:1?tls=false';

describe('EventStoreDB out of reach', () => {
  it('stops start-up at once with a message naming the server and the variable, rather than hanging', async () => {
    const config = loadConfig({ LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: NOWHERE });
    const opening = openEventStore(config);
    await expect(opening).rejects.toBeInstanceOf(ConfigError);
    await expect(opening).rejects.toThrow(/EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false cannot be used: .*Check EVENTSTORE_CONNECTION_STRING/);
  });

  describe('while the service runs', () => {
    let t: TestApp;
    beforeAll(async () => {
      // The server was reachable at start and went away since: the store is opened without the start-up check.
      t = await startTestApp('esdb', { EVENTSTORE_CONNECTION_STRING: NOWHERE }, () => new EsdbEventStore({ connectionString: NOWHERE, timeoutMs: 1000 }));
    });
    afterAll(() => t.close());

    it.each([
      ['POST', '/decisions', decision([newItem('2.000001')])],
      ['POST', '/catalogue/opening-entries', opening(['1.000001'])],
      ['POST', '/procedures/1.000001/cuts', { fromDays: 15, toDays: 10, decision: { number: '7/QĐ-UBND', date: '2022-07-01', issuer: 'UBND tỉnh' } }],
      ['GET', '/procedures/1.000001', undefined],
      ['GET', '/procedures', undefined],
      ['GET', '/decisions/2022-06-01/1234', undefined],
      ['GET', '/ledger/stats', undefined],
      ['GET', '/health', undefined],
    ] as const)('answers %s %s with 503 and Retry-After, never 500', async (method, url, body) => {
      const response = await t.request(method, url, body);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ statusCode: 503, code: 'STORE.UNAVAILABLE' });
      expect(response.body.message).toMatch(/EventStoreDB/);
    });
  });
});
