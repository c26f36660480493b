import { DecisionRef, RecordedEvent } from '../../core/event-envelope';
import { DecisionApplicationFailed, DecisionItemSummary } from './decision';
import { decisionStatus, DecisionStatus, RecordedDecision } from './decision-application';

/** A decision as readers see it, built from its own stream. */
export interface DecisionView {
  readonly streamId: string;
  readonly decision: DecisionRef;
  readonly effectiveDate: string;
  /** Global position of the decision's own event; its items follow it in the log. */
  readonly position: number;
  readonly recordedAt: string;
  readonly items: readonly DecisionItemSummary[];
  /**
   * `applied` once every item is in its procedure's history. On backends without multi-stream transactions a
   * decision is `applying` between being recorded and its items being appended, and `failed` if a procedure it
   * touches changed in between (see `failure`).
   */
  readonly status: DecisionStatus;
  readonly failure?: DecisionApplicationFailed['data'];
}

export function toDecisionView(stream: readonly RecordedEvent[]): DecisionView {
  const recorded = stream.find((e): e is RecordedDecision => e.type === 'DecisionRecorded');
  if (!recorded) throw new Error(`${stream[0]?.streamId ?? 'an empty stream'} holds no DecisionRecorded event`);
  const failed = stream.find((e) => e.type === 'DecisionApplicationFailed') as RecordedEvent<string, DecisionApplicationFailed['data']> | undefined;
  const { number, date, issuer, effectiveDate, items } = recorded.data;
  return {
    streamId: recorded.streamId,
    decision: { number, date, issuer },
    effectiveDate,
    position: recorded.position,
    recordedAt: recorded.recordedAt,
    items,
    status: decisionStatus(stream),
    ...(failed && { failure: failed.data }),
  };
}
