import { TestApp, TestResponse } from './test-app';

/** GET path of a decision: the number may hold a slash, so it travels encoded. */
export const decisionPath = (ref: { number: string; date: string }): string =>
  `/decisions/${ref.date}/${encodeURIComponent(ref.number)}`;

/** Waits until a decision is no longer `applying`, and answers how it stands. */
export async function untilSettled(t: TestApp, ref: { number: string; date: string }, timeoutMs = 15_000): Promise<TestResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.request('GET', decisionPath(ref));
    if (response.status !== 200 || response.body.status !== 'applying') return response;
    if (Date.now() > deadline) throw new Error(`decision ${ref.number} of ${ref.date} still applying after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Posts a decision and, where its items are applied after it (no multi-stream transactions), waits until they are:
 * from then on every backend reads alike.
 */
export async function recordDecision(t: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
  const response = await t.request('POST', '/decisions', body, headers);
  if (response.status === 201) await untilSettled(t, response.body.decision);
  return response;
}

/** Events a backend without multi-stream transactions adds per applied decision: the DecisionApplied marker. */
export const markersFor = (t: TestApp, decisions: number): number => (t.store.supportsMultiStreamAppend ? 0 : decisions);
