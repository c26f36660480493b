import { DecisionRef, DomainEvent } from '../../core/event-envelope';
import { ExpectedRevision } from '../../core/event-store/event-store.port';
import { ProcedureAttributes } from '../procedure';

/** The four kinds of change a decision announcing procedures (Quyết định công bố TTHC) carries. */
export const ITEM_KINDS = ['new', 'amended', 'replaced', 'abolished'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export type DecisionItem =
  | { readonly kind: 'new'; readonly code: string; readonly attributes: ProcedureAttributes }
  | { readonly kind: 'amended'; readonly code: string; readonly attributes: ProcedureAttributes }
  | { readonly kind: 'replaced'; readonly code: string; readonly replacesCode: string; readonly attributes: ProcedureAttributes }
  | { readonly kind: 'abolished'; readonly code: string };

export interface RecordDecision {
  readonly decision: DecisionRef;
  readonly title?: string;
  /** When the announced changes take effect; defaults to the signing date. */
  readonly effectiveDate: string;
  readonly items: readonly DecisionItem[];
}

/** A summary line of the decision stream: what the decision did to which procedure. */
export interface DecisionItemSummary {
  readonly kind: ItemKind;
  readonly code: string;
  readonly replacesCode?: string;
}

/**
 * The procedure events of a decision still to be appended to one stream, where they are not written together with
 * the decision (backends without multi-stream transactions): decided, and checked, when the decision was recorded.
 */
export interface PlannedAppend {
  readonly streamId: string;
  /** The revision the decision was checked against: the stream must still be there when the events are appended. */
  readonly expectedRevision: ExpectedRevision;
  readonly events: ReadonlyArray<{ readonly type: string; readonly schemaVersion: number; readonly data: unknown }>;
}

export type DecisionRecorded = DomainEvent<
  'DecisionRecorded',
  DecisionRef & {
    readonly title?: string;
    readonly effectiveDate: string;
    readonly items: readonly DecisionItemSummary[];
    /** Present when the items are applied after the decision is recorded; absent when they were stored with it. */
    readonly plan?: readonly PlannedAppend[];
  }
>;

/** Marks a decision recorded with a plan as wholly applied: every planned stream has its events. */
export type DecisionApplied = DomainEvent<'DecisionApplied', { readonly streams: number; readonly events: number }>;

/**
 * Marks a decision whose plan could not be applied: a planned stream changed between recording and applying.
 * The streams applied before it keep their events; a further decision corrects the catalogue.
 */
export type DecisionApplicationFailed = DomainEvent<
  'DecisionApplicationFailed',
  { readonly streamId: string; readonly code: string; readonly message: string }
>;

export const DECISION_EVENT_SCHEMA_VERSIONS = { DecisionRecorded: 1, DecisionApplied: 1, DecisionApplicationFailed: 1 } as const;

/** Decision numbers restart every year, so the signing date is part of a decision's identity. */
export const decisionStreamId = (ref: Pick<DecisionRef, 'number' | 'date'>): string => `decision-${ref.number}@${ref.date}`;

/** Every procedure code an item touches: its own, and the one it replaces. */
export const codesOf = (item: DecisionItem): string[] => (item.kind === 'replaced' ? [item.code, item.replacesCode] : [item.code]);
