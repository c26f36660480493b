import { CommandBus } from '@nestjs/cqrs';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store';
import { StreamAppend } from '../../src/core/event-store/event-store.port';
import { ApplyDecisionCommand } from '../../src/procedures/apply-decision/apply-decision.command';
import { untilSettled } from '../support/decisions';
import { anEvent } from '../support/event-factory';
import { decision, decisionRef, newItem, opening, procedure } from '../support/fixtures';
import { InterruptedStore } from '../support/interrupted-store';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * Whole or resumable, on a backend without multi-stream transactions (memory:non-atomic stands in for EventStoreDB):
 * a run that stops after recording a decision, or part-way through its items, leaves it `applying`, and the next
 * start completes it, writing every item once. Opening entries cut short are completed by the same request again.
 */

/** The log that outlives the runs of the service in each test. */
let log: MemoryEventStore;
const runs: TestApp[] = [];

/** A run of the service on the shared log; appends for which `stopsAt` holds fail as if the run stopped there. */
async function startRun(stopsAt: (append: StreamAppend) => boolean = () => false): Promise<TestApp> {
  const run = await startTestApp('memory:non-atomic', {}, () => new InterruptedStore(log, stopsAt));
  runs.push(run);
  return run;
}

const typesIn = async (stream: string) => (await log.readStream(stream)).map((e) => e.type);

beforeEach(() => (log = new MemoryEventStore({ multiStreamAppend: false })));
afterEach(async () => {
  await Promise.all(runs.splice(0).map((run) => run.close()));
  await log.close();
});

describe('decisions left applying by a stopped run', () => {
  const streamId = 'decision-1234/QĐ-UBND@2022-06-01';
  const items = [newItem('2.000001'), newItem('2.000002'), { kind: 'amended', code: '1.000001', procedure: procedure({ announcedDays: 9 }) }];

  /** Records the decision in a run that stops before appending to the streams `stopsAt` names, then ends that run. */
  async function recordThenStop(stopsAt: (streamId: string) => boolean) {
    let stopping = false;
    const first = await startRun((append) => stopping && stopsAt(append.streamId));
    expect((await first.request('POST', '/catalogue/opening-entries', opening(['1.000001']))).status).toBe(201);
    stopping = true;
    const posted = await first.request('POST', '/decisions', decision(items), { 'Idempotency-Key': 'qd-1234' });
    expect(posted.body).toMatchObject({ status: 'applying', replayed: false });
    expect((await first.request('GET', `/decisions/2022-06-01/${encodeURIComponent('1234/QĐ-UBND')}`)).body.status).toBe('applying');
    await first.close();
    return posted;
  }

  it('completes on start a decision whose run stopped right after recording it, applying each item once', async () => {
    const posted = await recordThenStop((stream) => stream.startsWith('procedure-'));
    expect(await typesIn(streamId)).toEqual(['DecisionRecorded']);
    expect(await log.readStream('procedure-2.000001')).toEqual([]);

    const next = await startRun();
    expect((await untilSettled(next, decisionRef())).body).toMatchObject({ status: 'applied' });
    expect(await typesIn(streamId)).toEqual(['DecisionRecorded', 'DecisionApplied']);
    expect(await typesIn('procedure-2.000001')).toEqual(['ProcedureAnnounced']);
    expect(await typesIn('procedure-2.000002')).toEqual(['ProcedureAnnounced']);
    expect(await typesIn('procedure-1.000001')).toEqual(['ProcedureOpened', 'ProcedureAmended']);
    expect((await next.request('GET', '/procedures/1.000001')).body).toMatchObject({ announcedDays: 9, lastDecision: decisionRef() });
    expect((await log.stats()).eventCount).toBe(1 + 1 + 3 + 1);

    // Running it again, or retrying the request, writes nothing more.
    expect(await next.app.get(CommandBus).execute(new ApplyDecisionCommand(streamId))).toBe('applied');
    const retry = await next.request('POST', '/decisions', decision(items), { 'Idempotency-Key': 'qd-1234' });
    expect(retry.body).toEqual({ ...posted.body, status: 'applied', replayed: true });
    expect((await log.stats()).eventCount).toBe(6);
  });

  it('completes a decision stopped part-way, keeping the items already applied once', async () => {
    await recordThenStop((stream) => stream === 'procedure-2.000002');
    expect(await typesIn('procedure-2.000001')).toEqual(['ProcedureAnnounced']);
    expect(await log.readStream('procedure-2.000002')).toEqual([]);

    const next = await startRun();
    expect((await untilSettled(next, decisionRef())).body.status).toBe('applied');
    expect(await typesIn('procedure-2.000001')).toEqual(['ProcedureAnnounced']);
    expect(await typesIn('procedure-2.000002')).toEqual(['ProcedureAnnounced']);
    expect(await typesIn(streamId)).toEqual(['DecisionRecorded', 'DecisionApplied']);
  });

  it('writes each item once when two runs complete the same decision at the same time', async () => {
    await recordThenStop((stream) => stream.startsWith('procedure-'));
    const [one, two] = await Promise.all([startRun(), startRun()]);
    await Promise.all([untilSettled(one, decisionRef()), untilSettled(two, decisionRef())]);
    expect(await typesIn(streamId)).toEqual(['DecisionRecorded', 'DecisionApplied']);
    expect((await log.stats()).eventCount).toBe(6);
  });

  it('marks the decision failed, naming the stream, when a procedure it touches changed before its items were applied', async () => {
    await recordThenStop((stream) => stream.startsWith('procedure-'));
    // Another writer gets to the procedure first, while no run is applying the decision.
    const cut = anEvent('cut', { type: 'ProcessingTimeCut', data: { code: '1.000001', fromDays: 15, toDays: 10 } });
    await log.appendToStream({ streamId: 'procedure-1.000001', expectedRevision: 0, events: [cut] });

    const next = await startRun();
    const settled = (await untilSettled(next, decisionRef())).body;
    expect(settled).toMatchObject({ status: 'failed', failure: { streamId: 'procedure-1.000001', code: 'STREAM.WRONG_EXPECTED_REVISION' } });
    expect(await typesIn('procedure-1.000001')).toEqual(['ProcedureOpened', 'ProcessingTimeCut']);
    expect(await typesIn(streamId)).toEqual(['DecisionRecorded', 'DecisionApplicationFailed']);
  });
});

describe('opening entries left part-way by a stopped run', () => {
  it('writes the rest, each entry once, when the same request is sent again with its Idempotency-Key', async () => {
    const request = opening(['1.000001', '1.000002', '1.000003']);
    const first = await startRun((append) => append.streamId === 'procedure-1.000002');
    const stopped = await first.request('POST', '/catalogue/opening-entries', request, { 'Idempotency-Key': 'mo-so' });
    expect(stopped.status).toBe(503);
    expect((await log.stats()).eventCount).toBe(1);

    const next = await startRun();
    const completed = await next.request('POST', '/catalogue/opening-entries', request, { 'Idempotency-Key': 'mo-so' });
    expect(completed.body).toMatchObject({ recorded: 3, replayed: false });
    const retried = await next.request('POST', '/catalogue/opening-entries', request, { 'Idempotency-Key': 'mo-so' });
    expect(retried.body).toMatchObject({ recorded: 3, replayed: true, firstPosition: completed.body.firstPosition });
    for (const code of ['1.000001', '1.000002', '1.000003']) expect(await typesIn(`procedure-${code}`)).toEqual(['ProcedureOpened']);
  });
});
