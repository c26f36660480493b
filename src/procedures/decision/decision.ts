import { DecisionRef, DomainEvent } from '../../core/event-envelope';
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

export type DecisionRecorded = DomainEvent<
  'DecisionRecorded',
  DecisionRef & { readonly title?: string; readonly effectiveDate: string; readonly items: readonly DecisionItemSummary[] }
>;

export const DECISION_EVENT_SCHEMA_VERSIONS = { DecisionRecorded: 1 } as const;

/** Decision numbers restart every year, so the signing date is part of a decision's identity. */
export const decisionStreamId = (ref: Pick<DecisionRef, 'number' | 'date'>): string => `decision-${ref.number}@${ref.date}`;

/** Every procedure code an item touches: its own, and the one it replaces. */
export const codesOf = (item: DecisionItem): string[] => (item.kind === 'replaced' ? [item.code, item.replacesCode] : [item.code]);
