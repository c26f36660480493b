import Database from 'better-sqlite3';

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
    const rows = db.prepare<[], { data: string; metadata: string }>('SELECT * FROM events ORDER BY position').iterate();
    const started = performance.now();
    let events = 0;
    let bytes = 0;
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      events += 1;
      bytes += row.data.length + row.metadata.length;
    }
    return { events, seconds: (performance.now() - started) / 1000, averageEventBytes: Math.round(bytes / Math.max(events, 1)) };
  } finally {
    db.close();
  }
}
