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
  /** Ids of events at the sampled positions, to prove. */
  readonly eventIds: readonly string[];
  /** Positions to page from: each a cursor as a previous page would have given it. */
  readonly positions: readonly number[];
  /**
   * Pages of an inspector's walk through the events taking effect in a month (`effectiveFrom`/`effectiveTo`), for a few
   * months of sampled events: the first page, then each from the cursor the page before gave (at most 100 a month).
   */
  readonly monthPages: ReadonlyArray<{ readonly from: string; readonly to: string; readonly cursor?: number }>;
  /** The year with the most events taking effect in it, and how many. */
  /** The year with the most events in effect, and how many took effect in the year after it. */
  readonly busiestYear: { readonly year: number; readonly events: number; readonly eventsNextYear: number };
}

interface Row {
  event_id: string;
  stream_id: string;
  metadata: string;
}

const PAGE = 100;

/** `2022-02` → its first and last days. */
function monthRange(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${new Date(Date.UTC(year, number, 0)).getUTCDate()}` };
}

/** The cursors of a walk through `positions` a page at a time, every so many pages so that at most `pages` remain. */
function walkCursors(positions: readonly number[], pages = 100): Array<number | undefined> {
  const cursors = [undefined, ...positions.filter((_, i) => (i + 1) % PAGE === 0 && i + 1 < positions.length)];
  const every = Math.ceil(cursors.length / pages);
  return cursors.filter((_, i) => i % every === 0);
}

export function sampleLog(eventsFile: string, wanted = 200): LogSamples {
  const db = new Database(eventsFile, { readonly: true });
  try {
    const events = db.prepare<[], { n: number }>('SELECT MAX(position) AS n FROM events').get()!.n;
    const random = mulberry32(20_250_602);
    const at = db.prepare<[number], Row>('SELECT event_id, stream_id, metadata FROM events WHERE position = ?');
    const codes = new Set<string>();
    const decisions = new Set<string>();
    const actors = new Set<string>();
    const positions: number[] = [];
    const eventIds: string[] = [];
    const months = new Set<string>();
    for (let tries = 0; tries < wanted * 20 && (codes.size < wanted || decisions.size < wanted); tries++) {
      const position = 1 + Math.floor(random() * events);
      const row = at.get(position);
      if (!row) continue;
      if (positions.length < wanted) positions.push(position);
      if (eventIds.length < wanted) eventIds.push(row.event_id);
      const metadata = JSON.parse(row.metadata) as { actor?: string; decision?: { number?: string }; effectiveDate?: string };
      if (metadata.effectiveDate && months.size < 3) months.add(metadata.effectiveDate.slice(0, 7));
      if (row.stream_id.startsWith('procedure-') && codes.size < wanted) codes.add(row.stream_id.slice('procedure-'.length));
      if (metadata.decision?.number && decisions.size < wanted) decisions.add(metadata.decision.number);
      if (metadata.actor) actors.add(metadata.actor);
    }
    // One pass over the log's effective dates; a few seconds at a million events.
    const years = new Map<string, number>();
    const inMonth = new Map([...months].map((month) => [month, [] as number[]]));
    const dates = db.prepare<[], [number, string | null]>("SELECT position, json_extract(metadata, '$.effectiveDate') FROM events ORDER BY position").raw(true);
    for (const [position, date] of dates.iterate()) {
      const year = date?.slice(0, 4) ?? '';
      years.set(year, (years.get(year) ?? 0) + 1);
      inMonth.get(date?.slice(0, 7) ?? '')?.push(position);
    }
    const [busiest] = [...years].sort((a, b) => b[1] - a[1]);
    const monthPages = [...inMonth].flatMap(([month, inIt]) => walkCursors(inIt).map((cursor) => ({ ...monthRange(month), ...(cursor && { cursor }) })));
    return {
      events,
      codes: [...codes],
      decisions: [...decisions],
      actors: [...actors].sort(),
      eventIds,
      positions,
      monthPages,
      busiestYear: { year: Number(busiest?.[0]), events: busiest?.[1] ?? 0, eventsNextYear: years.get(String(Number(busiest?.[0]) + 1)) ?? 0 },
    };
  } finally {
    db.close();
  }
}
