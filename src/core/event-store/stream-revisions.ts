/** A stream's last revision as the log holds it at some position. */
export interface StreamRevisionRow {
  readonly streamId: string;
  readonly revision: number;
}

/**
 * The last revision of the streams that appends have met, kept in memory so that the next append to one of them
 * needs no lookup: a lookup per stream was a tenth of the time of a decision's append (hundreds of streams).
 *
 * The log is append-only and its positions have no gaps, so what is known stays exact as long as the head of the log
 * is where the last write left it. Another connection (the CLI) may have appended meanwhile: the events after that
 * point then bring the known streams up to date. Streams not known are looked up, and known from then on.
 *
 * A revision behind the log cannot write a wrong event: the unique index on (stream, revision) refuses the insert,
 * and the writer writes again from lookups. A revision ahead of the log could, by leaving a gap in a stream; the only
 * source of one is a write rolled back, so its writer must `forget`.
 */
export class StreamRevisions {
  /** The head of the log the revisions are exact at; -1 when nothing is known. */
  private head = -1;
  private readonly revisions = new Map<string, number>();

  constructor(
    /** Streams kept at most: past it, everything is forgotten and looked up again as needed. */
    private readonly capacity = 100_000,
    /** Events appended by others that are read to catch up; past it, forgetting is cheaper. */
    private readonly catchUpLimit = 10_000,
  ) {}

  /**
   * Brings the known revisions to the head of the log; call inside the write transaction, before any lookup.
   * @param appendedAfter the streams and revisions of the events after a position, in log order
   */
  syncTo(head: number, appendedAfter: (position: number) => Iterable<StreamRevisionRow>): void {
    if (head === this.head) return;
    if (this.head >= 0 && head > this.head && head - this.head <= this.catchUpLimit) {
      for (const { streamId, revision } of appendedAfter(this.head)) if (this.revisions.has(streamId)) this.revisions.set(streamId, revision);
    } else {
      this.revisions.clear();
    }
    this.head = head;
  }

  /** The stream's last revision, looked up (and kept) when not known. */
  revisionOf(streamId: string, lookUp: (streamId: string) => number): number {
    let revision = this.revisions.get(streamId);
    if (revision === undefined) this.keep(streamId, (revision = lookUp(streamId)));
    return revision;
  }

  /** An event written inside the transaction: its stream's revision, and the new head of the log. */
  wrote(streamId: string, revision: number, position: number): void {
    this.keep(streamId, revision);
    this.head = position;
  }

  /** After a rollback: what was written in it is not in the log. */
  forget(): void {
    this.revisions.clear();
    this.head = -1;
  }

  private keep(streamId: string, revision: number): void {
    if (this.revisions.size >= this.capacity && !this.revisions.has(streamId)) this.revisions.clear();
    this.revisions.set(streamId, revision);
  }
}
