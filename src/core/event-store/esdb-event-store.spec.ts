import { createServer, Server, Socket } from 'node:net';
import {
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  UnavailableError as ClientUnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { BusinessRuleError, ConcurrencyError, UnavailableError } from '../errors/ledger-errors';
import {
  describeRevision,
  EsdbEventStore,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toLedgerError,
  toLedgerPosition,
  toReadStart,
} from './esdb-event-store';

/** What can be checked of the EventStoreDB adapter without a server; the contract suite covers the rest. */
describe('EventStoreDB adapter without a server', () => {
  describe('positions', () => {
    it('gives each event twice its commit position, so the odd number after it means "just after"', () => {
      expect(toLedgerPosition(1234n)).toBe(2468);
      expect(toEsdbPosition(2468)).toEqual({ commit: 1234n, prepare: 1234n });
      expect(toReadStart(2468)).toEqual({ from: { commit: 1234n, prepare: 1234n } });
      expect(toReadStart(2469)).toEqual({ from: { commit: 1234n, prepare: 1234n }, skipThrough: 1234n });
    });

    it('reads from the start for no position, 0 or 1, and refuses what is not a whole number', () => {
      for (const position of [undefined, 0, 1]) expect(toReadStart(position)).toEqual({ from: 'start' });
      expect(() => toReadStart(2.5)).toThrow(RangeError);
    });

    it('refuses a commit position beyond the safe integers rather than rounding it', () => {
      expect(toLedgerPosition(BigInt(Number.MAX_SAFE_INTEGER) / 2n)).toBe(Number.MAX_SAFE_INTEGER - 1);
      expect(() => toLedgerPosition(BigInt(Number.MAX_SAFE_INTEGER))).toThrow(RangeError);
    });
  });

  describe('expected revisions', () => {
    it('maps the port\'s expectations to the client\'s', () => {
      expect(['any', 'no_stream', 'stream_exists', 0, 41].map((e) => toEsdbExpectedRevision(e as never))).toEqual([
        'any',
        'no_stream',
        'stream_exists',
        0n,
        41n,
      ]);
      expect(() => toEsdbExpectedRevision(-1)).toThrow(RangeError);
    });

    it('describes the revision a stream was found at in the port\'s words', () => {
      expect([describeRevision(7n), describeRevision('no_stream'), describeRevision(undefined)]).toEqual(['7', 'no_stream', 'unknown']);
    });
  });

  describe('errors', () => {
    it('reports a server that is away, slow or refusing as unavailable (503), with a reason', () => {
      const grpcUnavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      for (const error of [grpcUnavailable, new ClientUnavailableError(undefined, 'gone'), new Error('Failed to discover after 10 attempts.')]) {
        const mapped = toLedgerError(error, 'read s-1');
        expect(mapped).toBeInstanceOf(UnavailableError);
        expect(mapped).toMatchObject({ httpStatus: 503, retryAfterSeconds: 5 });
        expect((mapped as Error).message).toContain('cannot read s-1');
      }
    });

    it('refuses an append over the server\'s size limit as too large, not as an outage', () => {
      const mapped = toLedgerError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), 'append');
      expect(mapped).toBeInstanceOf(BusinessRuleError);
      expect(mapped).toMatchObject({ code: 'STORE.APPEND_TOO_LARGE', httpStatus: 422 });
    });

    it('leaves alone what the adapter handles itself, the ledger\'s own errors and programming errors', () => {
      const wrongVersion = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n });
      const passing = [wrongVersion, new StreamNotFoundError(), new ConcurrencyError('s', '0', '1'), new TypeError('bug')];
      for (const error of passing) expect(toLedgerError(error, 'append')).toBe(error);
    });
  });

  describe('with nothing listening', () => {
    const refused = 'esdb://127.0.0.1:1?tls=false';
    let store: EsdbEventStore;
    beforeEach(() => (store = new EsdbEventStore({ connectionString: refused, timeoutMs: 2000 })));
    afterEach(() => store.close());

    it('answers reads and appends with UnavailableError, never a raw error', async () => {
      await expect(store.readStream('s-1')).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.integrity.verify()).rejects.toBeInstanceOf(UnavailableError);
      await expect(
        store.appendToStream({
          streamId: 's-1',
          expectedRevision: 'no_stream',
          events: [{ id: '0191d0a6-0000-7000-8000-000000000001', type: 'T', schemaVersion: 1, data: {}, metadata: { actor: 'a', effectiveDate: '2022-01-01', correlationId: 'c' } }],
        }),
      ).rejects.toBeInstanceOf(UnavailableError);
    });

    it('refuses at open, quickly, with the reason', async () => {
      const started = Date.now();
      await expect(EsdbEventStore.open({ connectionString: refused })).rejects.toThrow(/ECONNREFUSED|UNAVAILABLE/);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('has no multi-stream transaction, and says so', async () => {
      expect(store.supportsMultiStreamAppend).toBe(false);
      await expect(store.appendToStreams()).rejects.toThrow(/no multi-stream transaction/);
    });
  });

  describe('with a server that accepts connections and never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up at open after the timeout instead of hanging', async () => {
      const { port } = silent.address() as { port: number };
      const opening = EsdbEventStore.open({ connectionString: `esdb://127.0.0.1:${port}?tls=false`, openTimeoutMs: 300 });
      await expect(opening).rejects.toThrow(/within 300 ms/);
    });
  });
});
