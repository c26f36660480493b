import { RecordedEvent } from '../event-envelope';

/** A value kept in an indexed column beside a document, for queries to filter, sort and sum on. */
export type IndexValue = string | number | null;

/**
 * A read model as a pure definition: a set of documents, each folded from the events that concern it.
 * The runtime decides where documents live and when they are written; the definition only says which events
 * matter, which document each changes and how it folds. Bump `version` when the fold changes shape or meaning:
 * the read model is then rebuilt from the log on the next start.
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
  /** Columns kept beside each document, indexed: the only things queries can filter and sort on. */
  readonly indexes?: Readonly<Record<string, (document: Doc) => IndexValue>>;
  /**
   * Index columns with many distinct values, most first. Where a query asks several columns for a value, the first of
   * these it names is the index read, and the others are checked on the rows it finds: SQLite, with no statistics,
   * may otherwise read a column of few values (an event type: a tenth of the log) for one of many (a decision number).
   */
  readonly selectiveIndexes?: readonly string[];
  /**
   * Set when a document is the fold of one whole stream, and of no event of any other: a correction anywhere in that
   * stream then rebuilds the document from the stream with the correction applied, instead of folding the correction
   * on top, and a rebuild may fold each document from its own stream alone (see `buildByStream`).
   */
  readonly foldsWholeStream?: boolean;
  /**
   * Set when every event makes a document of its own (`documentId` differs for every event, like a log position), so
   * `evolve` always gets `undefined`: the runtime then neither looks a previous document up nor keeps one in memory.
   */
  readonly documentPerEvent?: boolean;
}

/** For projections that see every event, like the audit trail. */
export const ALL_EVENTS: readonly string[] = Object.freeze(['*']);

export const INDEX_NAME = /^[a-z][a-z0-9_]{0,40}$/;

/** Any projection, whatever its document type: what the runtime handles without looking inside documents. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = DocumentProjection<any>;
