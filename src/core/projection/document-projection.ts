import { RecordedEvent } from '../event-envelope';

/**
 * A read model as a pure definition: a set of documents, each folded from the events that concern it.
 * The runtime decides where documents live; the definition only says which events matter and how they fold.
 * Bump `version` when the fold changes, so the read model is rebuilt from the log.
 */
export interface DocumentProjection<Doc = unknown> {
  readonly name: string;
  readonly version: number;
  /** Event types this projection folds; others are skipped without being looked at. */
  readonly handles: readonly string[];
  /** Which document an event changes. */
  documentId(event: RecordedEvent): string;
  /** The document after the event; `undefined` removes it. Must not mutate `document`. */
  evolve(document: Doc | undefined, event: RecordedEvent): Doc | undefined;
}
