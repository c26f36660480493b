import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { eventHash, GENESIS_HASH } from '../../src/core/ledger-hash/event-hash';
import { checkProof } from '../../src/core/ledger-hash/proofs';
import { DIGEST_RECORDED, DIGEST_STREAM, LedgerProofs } from '../../src/ledger/ledger-proofs.service';
import { mulberry32 } from '../../src/synthetic/mulberry32';
import { anEvent } from '../support/event-factory';

const EVENTS = 3000;

describe('tamper evidence on the SQLite ledger', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-tamper-'));
    file = join(dir, 'ledger.sqlite');
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    for (let i = 0; i < EVENTS; i += 100) {
      await store.appendToStreams(
        Array.from({ length: 4 }, (_, s) => ({
          streamId: `procedure-${s}.0000${i % 7}`,
          expectedRevision: 'any' as const,
          events: Array.from({ length: 25 }, (_, k) => anEvent(`Thủ tục ${i + k} – ${s}`)),
        })),
      );
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Opens the raw file as someone with write access to it would, triggers out of the way. */
  const tamper = <T>(change: (db: Database.Database) => T): T => {
    const db = new Database(file);
    db.exec('DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_never_deleted');
    try {
      return change(db);
    } finally {
      db.close();
    }
  };
  const verify = async () => {
    const store = new SqliteEventStore({ file });
    try {
      return await new LedgerProofs(store).verify();
    } finally {
      await store.close();
    }
  };

  it('verifies the untouched log', async () => expect(await verify()).toMatchObject({ ok: true, checked: EVENTS }));

  it('finds a change to any single byte of any stored field at its position', async () => {
    // Seeded, so a failure can be replayed.
    const random = mulberry32(7);
    const columns = ['event_id', 'stream_id', 'type', 'data', 'metadata', 'recorded_at', 'hash', 'revision', 'schema_version'];
    for (let trial = 0; trial < 60; trial++) {
      const position = trial === 0 ? 1 : trial === 1 ? EVENTS : 1 + Math.floor(random() * EVENTS);
      const column = columns[trial % columns.length];
      const original = tamper((db) => db.prepare(`SELECT ${column} AS value FROM events WHERE position = ?`).get(position) as { value: string | number }).value;
      // One flipped bit in one byte; a number moves far enough not to collide with another row's unique revision.
      // A flip that would collide with another row's unique key is refused by SQLite: flip another byte then.
      const flipOne = (text: string) => {
        const at = Math.floor(random() * text.length);
        return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
      };
      for (let attempt = 0; ; attempt++) {
        const changed = typeof original === 'number' ? original + 100_000 : flipOne(original);
        try {
          tamper((db) => db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(changed, position));
          break;
        } catch (error) {
          if (attempt > 20) throw error;
        }
      }
      const report = await verify();
      tamper((db) => db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(original, position));
      expect({ column, position, report: report.firstBadPosition, ok: report.ok }).toEqual({ column, position, report: position, ok: false });
    }
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted event and two swapped events at the first position concerned', async () => {
    const row = tamper((db) => db.prepare('SELECT * FROM events WHERE position = 1234').get() as Record<string, unknown>);
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 1234').run());
    expect(await verify()).toMatchObject({ ok: false, firstBadPosition: 1234, problem: expect.stringContaining('missing') });
    tamper((db) => db.prepare(`INSERT INTO events (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row)));
    expect((await verify()).ok).toBe(true);

    const swap = (a: number, b: number) =>
      tamper((db) => {
        const columns = 'event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash';
        const [ra, rb] = [a, b].map((p) => db.prepare(`SELECT ${columns} FROM events WHERE position = ?`).get(p) as Record<string, unknown>);
        db.exec('DROP INDEX events_by_id; DROP INDEX events_by_stream');
        const set = db.prepare(`UPDATE events SET ${columns.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE position = @position`);
        set.run({ ...rb, position: a });
        set.run({ ...ra, position: b });
        db.exec('CREATE UNIQUE INDEX events_by_id ON events(event_id); CREATE UNIQUE INDEX events_by_stream ON events(stream_id, revision)');
      });
    swap(700, 2100);
    expect(await verify()).toMatchObject({ ok: false, firstBadPosition: 700 });
    swap(700, 2100);
    expect((await verify()).ok).toBe(true);
  });

  it('catches a rewrite that recomputes the whole chain, through a digest recorded in the ledger', async () => {
    const store = new SqliteEventStore({ file });
    const digest = await new LedgerProofs(store).digest();
    await store.appendToStream({ streamId: DIGEST_STREAM, expectedRevision: 'any', events: [anEvent('digest', { type: DIGEST_RECORDED, data: digest })] });
    await store.close();
    expect(await verify()).toMatchObject({ ok: true, digestsChecked: 1 });

    // A careful forger changes event 10 and rebuilds every hash after it so that the chain is consistent again.
    tamper((db) => {
      db.prepare("UPDATE events SET data = json_set(data, '$.marker', 'forged') WHERE position = 10").run();
      let previous = GENESIS_HASH;
      for (const row of db.prepare('SELECT * FROM events ORDER BY position').all() as Array<Record<string, string & number>>) {
        previous = eventHash(previous, { position: row.position, eventId: row.event_id, streamId: row.stream_id, revision: row.revision, type: row.type, schemaVersion: row.schema_version, data: row.data, metadata: row.metadata, recordedAt: row.recorded_at });
        db.prepare('UPDATE events SET hash = ? WHERE position = ?').run(previous, row.position);
      }
    });
    expect(await verify()).toMatchObject({ ok: false, problem: expect.stringContaining('no longer matches') });
  });
});

describe('proofs an inspector checks without the ledger', () => {
  let dir: string;
  let store: SqliteEventStore;
  let proofs: LedgerProofs;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-proofs-'));
    store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    for (let i = 0; i < 10; i++) await store.appendToStream({ streamId: `s-${i % 3}`, expectedRevision: 'any', events: Array.from({ length: 10 }, (_, k) => anEvent(i * 10 + k)) });
    proofs = new LedgerProofs(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proves an event is in a digest, and refuses a tampered event or a wrong digest', async () => {
    const [event] = await store.readAll({ fromPosition: 37, maxCount: 1 });
    const digest = await proofs.digest();
    const proof = await proofs.inclusion(event.id);
    expect(checkProof(proof, digest.root)).toMatchObject({ valid: true });
    expect(checkProof({ ...proof, event: { ...proof.event, data: proof.event.data.replace('marker', 'marken') } }, digest.root).valid).toBe(false);
    expect(checkProof(proof, (await proofs.digest(50)).root).valid).toBe(false);
    expect(checkProof({ ...proof, root: (await proofs.digest(99)).root }).valid).toBe(false);
  });

  it('proves an older digest is a prefix of a newer one', async () => {
    const proof = await proofs.consistency(40, 100);
    expect(checkProof(proof)).toMatchObject({ valid: true });
    expect(checkProof({ ...proof, old: { size: 40, root: (await proofs.digest(41)).root } }).valid).toBe(false);
  });

  it('checks a proof file on the command line, exiting non-zero when it fails', async () => {
    const [event] = await store.readAll({ fromPosition: 5, maxCount: 1 });
    const path = join(dir, 'proof.json');
    writeFileSync(path, JSON.stringify(await proofs.inclusion(event.id)));
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const root = (await proofs.digest()).root;
    expect(await run('verify-proof', path, '--root', root)).toMatchObject({ code: 0, out: expect.stringContaining('position 5') });
    expect(await run('verify-proof', path, '--root', '00'.repeat(32))).toMatchObject({ code: 1, err: expect.stringContaining('does NOT verify') });
    expect(await run('verify-proof', join(dir, 'missing.json'))).toMatchObject({ code: 1, err: expect.stringContaining('cannot read a proof') });
    expect(await run('verify', '--data-dir', dir)).toMatchObject({ code: 0, out: expect.stringContaining('100 events chained') });
  });
});
