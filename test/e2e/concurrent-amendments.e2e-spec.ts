import { AddressInfo } from 'node:net';
import { opening, procedure } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const CLIENTS = 12;
const ROUNDS = 8;
const CODE = '1.000046';

/**
 * Many reform offices change the same procedure at once over real HTTP, each at the revision it last read: half by
 * a cut, half by a decision amending it. Per revision exactly one wins and the others are told 409 to read again;
 * no winning change is lost or applied twice.
 */
describe('many clients amending one procedure at once', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    expect((await t.request('POST', '/catalogue/opening-entries', opening([CODE]))).status).toBe(201);
  });
  afterAll(() => t.close());

  const post = async (client: number, path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.keyFor(`office-${client}`, 'reform-office')}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { client, status: response.status, body: await response.json() };
  };

  /** Client `client`'s change at `revision`: a cut to a figure only it would choose, or an amendment naming it. */
  const change = (client: number, round: number, revision: number, days: number) => {
    const decision = { number: `${round * 100 + client + 1}/QĐ-UBND`, date: `2022-07-${String(10 + round).padStart(2, '0')}`, issuer: 'UBND tỉnh' };
    const toDays = days - 0.5 * (client + 1);
    return client % 2 === 0
      ? post(client, `/procedures/${CODE}/cuts`, { fromDays: days, toDays, expectedRevision: revision, decision })
      : post(client, '/decisions', {
          decision,
          items: [{ kind: 'amended', code: CODE, expectedRevision: revision, procedure: procedure({ statutoryDays: 400, announcedDays: toDays, name: `Bản sửa của văn phòng ${client}` }) }],
        });
  };

  it(`lets exactly one win per revision in each of ${ROUNDS} rounds of ${CLIENTS}; the rest get 409 and nothing is lost`, async () => {
    // Room to cut: every client's figure stays above zero for every round.
    const start = await t.request('POST', '/decisions', {
      decision: { number: '1/QĐ-UBND', date: '2022-07-01', issuer: 'UBND tỉnh' },
      items: [{ kind: 'amended', code: CODE, procedure: procedure({ statutoryDays: 400, announcedDays: 300 }) }],
    });
    expect(start.status).toBe(201);
    const winners: Array<{ client: number; days: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = (await t.request('GET', `/procedures/${CODE}`)).body;
      const responses = await Promise.all(Array.from({ length: CLIENTS }, (_, client) => change(client, round, before.revision, before.announcedDays)));
      const won = responses.filter((r) => r.status === 201);
      expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(CLIENTS - 1).fill(409)]);
      for (const lost of responses.filter((r) => r.status === 409)) {
        expect(lost.body).toMatchObject({ code: 'STREAM.WRONG_EXPECTED_REVISION', details: [{ field: 'expectedRevision' }] });
      }
      winners.push({ client: won[0].client, days: before.announcedDays - 0.5 * (won[0].client + 1) });
      const after = (await t.request('GET', `/procedures/${CODE}`)).body;
      expect(after).toMatchObject({ revision: before.revision + 1, announcedDays: winners.at(-1)!.days });
    }

    // Opening entry, the starting amendment, then one event per round: each winner's, in order, once.
    expect((await t.request('GET', `/procedures/${CODE}/history`)).body.events).toHaveLength(2 + ROUNDS);
    const stream = await t.store.readStream(`procedure-${CODE}`);
    expect(stream.map((e) => e.metadata.actor).slice(2)).toEqual(winners.map((w) => `office-${w.client}`));
    expect(stream.at(-1)!.revision).toBe(1 + ROUNDS);
    // Nothing written by a loser: the opening entry, the first decision (2 events), a cut or a decision (2 events) per round.
    const decisionsWon = winners.filter((w) => w.client % 2 === 1).length;
    expect((await t.store.stats()).eventCount).toBe(1 + 2 + ROUNDS + decisionsWon);
  }, 60_000); // 96 requests over real HTTP: seconds on a machine busy with other suites, not jest's default 5 s
});
