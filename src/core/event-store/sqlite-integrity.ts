import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH, StoredEventText } from '../ledger-hash/event-hash';
import { ChainEntry, IntegrityFailure, IntegrityReport, LedgerIntegrity } from '../ledger-hash/integrity';
import { leafHash, MerkleFrontier } from '../ledger-hash/merkle';
import { KEPT_SUBTREE_LEVEL, KeptSubtreeRoots, MerkleTree, SubtreeRoot } from '../ledger-hash/merkle-tree';
import { nextTurn } from '../next-turn';
import { isStorageFault } from './sqlite-storage-faults';

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

export const toStoredText = (row: EventRow): StoredEventText => ({
  position: row.position,
  eventId: row.event_id,
  streamId: row.stream_id,
  revision: row.revision,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});

/** Events hashed between two turns of the event loop while verifying the log: some tens of milliseconds of work. */
const VERIFY_CHUNK_ROWS = 2_000;

/** Walks the chain from the stored bytes; SQLite keeps them exactly as they were hashed. */
export class SqliteIntegrity implements LedgerIntegrity {
  readonly chain = 'log';
  private readonly keptRoots: SqliteKeptRoots;

  constructor(private readonly db: Database.Database) {
    this.keptRoots = new SqliteKeptRoots(db);
  }

  /**
   * The log as it stood when called, a chunk of rows at a time with a turn of the event loop between chunks: a service
   * asked to verify a long log goes on answering its other requests meanwhile (one statement over a million events
   * held it for tens of seconds). Stored events never change, so chunks read apart still check one log.
   *
   * The walk folds the Merkle tree as it goes: every kept subtree root must match the log, and the roots not yet kept
   * are kept, so that proofs after a verification start from them.
   */
  async verify(): Promise<IntegrityReport> {
    const last = this.lastPosition();
    const chunk = this.db.prepare<[number, number, number], EventRow>('SELECT * FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?');
    let previousHash = GENESIS_HASH;
    let expected = 1;
    const computed: SubtreeRoot[] = [];
    let keptMismatch: string | undefined;
    const frontier = new MerkleFrontier((level, index, root) => {
      if (level < KEPT_SUBTREE_LEVEL) return;
      const kept = this.keptRoots.get(level, index);
      if (!kept) computed.push({ level, index, root });
      else if (kept !== root) {
        keptMismatch ??= `the root kept for proofs over events ${index * 2 ** level + 1}–${(index + 1) * 2 ** level} no longer matches them: the log was rewritten after it was kept, or the kept root was changed`;
      }
    });
    while (expected <= last) {
      for (const row of chunk.all(expected, last, VERIFY_CHUNK_ROWS)) {
        const bad = (failure: IntegrityFailure, problem: string): IntegrityReport => ({ ok: false, checked: expected - 1, lastPosition: expected - 1, firstBadPosition: expected, failure, problem });
        if (row.position !== expected) return bad('order', `event at position ${expected} is missing (next stored position is ${row.position})`);
        const recomputed = eventHash(previousHash, toStoredText(row));
        if (recomputed !== row.hash) return bad('content', `event at position ${expected} does not match its hash: its content, its place or an earlier event changed`);
        frontier.add(leafHash(row.hash));
        if (keptMismatch) return bad('digest', keptMismatch);
        previousHash = row.hash;
        expected += 1;
      }
      await nextTurn();
    }
    this.keptRoots.keep(computed);
    return { ok: true, checked: expected - 1, lastPosition: expected - 1 };
  }

  /** Positions number the log from 1 without gaps, so leaves [from, to) are the events at positions from + 1 to `to`. */
  async tree(size?: number): Promise<MerkleTree> {
    const last = this.lastPosition();
    const range = this.db.prepare<[number, number], string>('SELECT hash FROM events WHERE position > ? AND position <= ? ORDER BY position').pluck();
    return new MerkleTree(Math.min(size ?? last, last), (from, to) => range.all(from, to).map(leafHash), this.keptRoots);
  }

  async positionOf(index: number): Promise<number> {
    return index + 1;
  }

  private lastPosition(): number {
    return this.db.prepare<[], { last: number | null }>('SELECT MAX(position) AS last FROM events').get()?.last ?? 0;
  }

  async entry(eventId: string): Promise<ChainEntry | undefined> {
    const row = this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?').get(eventId);
    if (!row) return undefined;
    const previous = this.db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?').get(row.position - 1);
    // Positions number the log from 1 without gaps, so an event's place in the digests is its position − 1.
    return { index: row.position - 1, event: toStoredText(row), previousHash: previous?.hash ?? GENESIS_HASH, hash: row.hash };
  }
}

/**
 * Subtree roots kept in the event store's file, beside the log they are computed from. They are a cache, outside the
 * schema's versions: the table is made when the first roots are kept, so that a file of any version opens and
 * verifies as before, read-only too (an archived copy), and a ledger without it ignores the table. Losing them costs
 * time, never an answer, so a disk that refuses writes simply keeps none.
 */
const SUBTREE_ROOTS_TABLE = `
CREATE TABLE IF NOT EXISTS subtree_roots (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  root  TEXT    NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID`;

class SqliteKeptRoots implements KeptSubtreeRoots {
  private statements?: {
    readonly select: Database.Statement<[number, number], string>;
    readonly insertAll: (roots: readonly SubtreeRoot[]) => void;
  };
  /**
   * The table was not there when last looked for: a verification asks for every complete subtree's root, and need not
   * ask SQLite each time. Roots another process keeps meanwhile are read once this one keeps its own.
   */
  private absent = false;

  constructor(private readonly db: Database.Database) {}

  get(level: number, index: number): string | undefined {
    return this.sql(false)?.select.get(level, index);
  }

  keep(roots: readonly SubtreeRoot[]): void {
    if (roots.length === 0) return;
    try {
      this.sql(true)!.insertAll(roots);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !isStorageFault(code)) throw error;
    }
  }

  /** The table's statements, once it exists; `create` makes it first if it does not. */
  private sql(create: boolean): typeof this.statements {
    if (this.statements) return this.statements;
    if (this.absent && !create) return undefined;
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'subtree_roots'").get() !== undefined;
    this.absent = !exists;
    if (!exists && !create) return undefined;
    if (!exists) this.db.exec(SUBTREE_ROOTS_TABLE);
    const insert = this.db.prepare<[number, number, string]>('INSERT OR IGNORE INTO subtree_roots (level, idx, root) VALUES (?, ?, ?)');
    this.statements = {
      select: this.db.prepare<[number, number], string>('SELECT root FROM subtree_roots WHERE level = ? AND idx = ?').pluck(),
      insertAll: this.db.transaction((roots: readonly SubtreeRoot[]) => {
        for (const { level, index, root } of roots) insert.run(level, index, root);
      }),
    };
    return this.statements;
  }
}
