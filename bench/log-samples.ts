/**
 * What the read benchmark asks for: procedure codes, decision numbers, actors and positions that exist in the log,
 * read from events at seeded random positions (so that two runs over the same log ask the same things), spread over
 * the whole log rather than taken from its start or end.
 */
import Database from 'better-sqlite3';
import { mulberry32 } from '../src/synthetic/mulberry32';

export interface LogSamples {
  readonly events: number;
  readonly codes: readonly string[];
  readonly decisions: readonly string[];
  readonly actors: readonly string[];
  /** Positions to page from: each a cursor as a previous page would have given it. */
  readonly positions: readonly number[];
  /** The year with the most events taking effect in it, and how many. */
  readonly busiestYear: { readonly year: number; readonly events: number };
}

interface Row {
  stream_id: string;
  metadata: string;
}

export function sampleLog(eventsFile: string, wanted = 200): LogSamples {
  const db = new Database(eventsFile, { readonly: true });
  try {
    const events = db.prepare<[], { n: number }>('SELECT MAX(position) AS n FROM events').get()!.n;
    const random = mulberry32(20_250_602);
    const at = db.prepare<[number], Row>('SELECT stream_id, metadata FROM events WHERE position = ?');
    const codes = new Set<string>();
    const decisions = new Set<string>();
    const actors = new Set<string>();
    const positions: number[] = [];
    for (let tries = 0; tries < wanted * 20 && (codes.size < wanted || decisions.size < wanted); tries++) {
      const position = 1 + Math.floor(random() * events);
      const row = at.get(position);
      if (!row) continue;
      if (positions.length < wanted) positions.push(position);
      const metadata = JSON.parse(row.metadata) as { actor?: string; decision?: { number?: string } };
      if (row.stream_id.startsWith('procedure-') && codes.size < wanted) codes.add(row.stream_id.slice('procedure-'.length));
      if (metadata.decision?.number && decisions.size < wanted) decisions.add(metadata.decision.number);
      if (metadata.actor) actors.add(metadata.actor);
    }
    // One pass over the log's metadata; a few seconds at a million events.
    const busiest = db
      .prepare<[], { year: string; n: number }>(
        "SELECT substr(json_extract(metadata, '$.effectiveDate'), 1, 4) AS year, COUNT(*) AS n FROM events GROUP BY year ORDER BY n DESC LIMIT 1",
      )
      .get();
    return {
      events,
      codes: [...codes],
      decisions: [...decisions],
      actors: [...actors].sort(),
      positions,
      busiestYear: { year: Number(busiest?.year), events: busiest?.n ?? 0 },
    };
  } finally {
    db.close();
  }
}
