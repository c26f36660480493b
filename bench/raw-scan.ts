import Database from 'better-sqlite3';
import { RECORD_COLUMNS, RecordRow } from '../src/core/event-store/sqlite-event-store';

export interface ScanResult {
  readonly events: number;
  readonly seconds: number;
  /** Average size of data plus metadata, in bytes of JSON text. */
  readonly averageEventBytes: number;
}

/**
 * The physical limit of a rebuild: every row of the log in position order, straight from better-sqlite3, with its
 * data and metadata parsed and nothing else done. No projection runtime can read the log faster than this.
 */
export function rawScan(file: string): ScanResult {
  const db = new Database(file, { readonly: true });
  try {
    // The columns a reader needs (not the hash), as arrays: the cheapest way better-sqlite3 hands rows over.
    const rows = db
      .prepare<[], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM events ORDER BY position`)
      .raw(true)
      .iterate();
    const started = performance.now();
    let events = 0;
    let bytes = 0;
    for (const [, , , , , , data, metadata] of rows) {
      JSON.parse(data);
      JSON.parse(metadata);
      events += 1;
      bytes += data.length + metadata.length;
    }
    return { events, seconds: (performance.now() - started) / 1000, averageEventBytes: Math.round(bytes / Math.max(events, 1)) };
  } finally {
    db.close();
  }
}
