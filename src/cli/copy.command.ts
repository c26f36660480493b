import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig, LedgerConfig, redactPassword } from '../config/ledger-config';
import { openEventStore } from '../config/open-event-store';
import { KEY_STORE_FILE_NAME } from '../config/open-key-store';
import { LedgerError, UnavailableError } from '../core/errors/ledger-errors';
import { EventStore } from '../core/event-store/event-store.port';
import { copyLedger, CopyRefusedError, LedgerCopy } from '../core/event-store/ledger-copy';
import { DIGEST_RECORDED, DIGEST_STREAM, RecordedDigest } from '../ledger/ledger-proofs.service';
import { findUnfinishedDecisions } from '../procedures/apply-decision/unfinished-decisions';
import { CliError, CliIo } from './cli-io';
import { cliConfig, dataDirOption } from './open-ledger';
import { progressDisplay } from './progress-display';

const ESDB = /^esdb(\+discover)?:\/\//;

export function copyCommand(io: CliIo): Command {
  return new Command('copy')
    .description(
      'copy the ledger into another backend, every event as first recorded (id, stream, revision, content, recorded time) ' +
        'and in its order: onto an EventStoreDB server, or into another folder; a copy stopped part-way is taken up where it ' +
        'stopped, and the copy is read back and checked against the source',
    )
    .requiredOption('--to <destination>', 'esdb://… or esdb+discover://… (an EventStoreDB server), or a folder for a SQLite ledger')
    .option(...dataDirOption)
    .action(async (options: { to: string; dataDir?: string }) => {
      const from = cliConfig(options.dataDir, true);
      if (from.eventStore === 'memory') throw new CliError('LEDGER_EVENT_STORE is memory, which keeps no log for another process to copy');
      const to = destinationConfig(options.to, from);
      const source = await openEventStore(from);
      try {
        const destination = await openEventStore(to);
        try {
          const progress = progressDisplay(io, 'copy');
          const copy = await copyLedger(source, destination, {
            onProgress: (copied) => progress.report(copied),
          })
            .catch((error: unknown) => Promise.reject(asCliError(error)))
            .finally(() => progress.done());
          report(io, copy, where(to), from);
          const unnamed = await unnamedDigestsAcrossChains(source, destination);
          if (unnamed > 0) {
            io.err(
              `warning: ${unnamed} digest(s) recorded in the source before digests named their chain cover the source's hashes, which the copy ` +
                'does not keep: ledger verify on the copy reports them as not matching. Check them against the source',
            );
          }
          const applying = await decisionsLeftApplying(source, destination);
          if (applying.length > 0) {
            io.err(
              `warning: ${applying.length} decision(s) were still applying on the source, and stay so in the copy, where nothing completes them: ` +
                `${applying.join(', ')}. Let the service on the source complete them, then run this copy again`,
            );
          }
        } finally {
          await destination.close();
        }
      } finally {
        await source.close();
      }
    });
}

/**
 * Decisions recorded ahead of their items (on EventStoreDB) that the copy holds unfinished. Where the destination writes
 * decisions whole (SQLite), nothing there completes them, so the operator must hear of it.
 */
export async function decisionsLeftApplying(source: EventStore, destination: EventStore): Promise<string[]> {
  if (source.supportsMultiStreamAppend || !destination.supportsMultiStreamAppend) return [];
  return findUnfinishedDecisions(destination);
}

/**
 * Digests the source recorded before digests named their chain (see RecordedDigest), when the destination keeps
 * another chain: they are checked against the destination's hashes there, and fail.
 */
export async function unnamedDigestsAcrossChains(source: EventStore, destination: EventStore): Promise<number> {
  if (!source.integrity || source.integrity.chain === destination.integrity?.chain) return 0;
  const recorded = await source.readStream(DIGEST_STREAM);
  return recorded.filter((event) => event.type === DIGEST_RECORDED && (event.data as RecordedDigest | undefined)?.chain === undefined).length;
}

/** The configuration of the destination named by `--to`; refused when it is the source itself. */
function destinationConfig(to: string, source: LedgerConfig): LedgerConfig {
  const target = to.trim();
  if (target === '') throw new CliError('--to names no destination: give esdb://… or a folder');
  const config = ESDB.test(target)
    ? loadConfig({ ...process.env, LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: target, LEDGER_SEED_ON_START: 'false' })
    : loadConfig({ ...process.env, LEDGER_EVENT_STORE: 'sqlite', LEDGER_DATA_DIR: target, LEDGER_SEED_ON_START: 'false' });
  const same =
    config.eventStore === source.eventStore &&
    (config.eventStore === 'esdb' ? config.eventStoreConnectionString === source.eventStoreConnectionString : resolve(config.dataDir) === resolve(source.dataDir));
  if (same) throw new CliError(`--to ${redactPassword(target)} is the ledger being copied: name another server or folder`);
  return config;
}

const where = (config: LedgerConfig): string =>
  config.eventStore === 'esdb' ? redactPassword(config.eventStoreConnectionString!) : resolve(config.dataDir);

/** What the operator can act on, said without a stack: the destination refused the copy, an event, or went away. */
export function asCliError(error: unknown): unknown {
  if (error instanceof CopyRefusedError) return new CliError(`nothing copied: ${error.message}`);
  if (error instanceof UnavailableError) return new CliError(`the copy stopped: ${error.message}. What it wrote is kept, and the same command takes it up there`);
  if (error instanceof LedgerError) return new CliError(`the copy stopped: ${error.message}. What it wrote before is kept`);
  return error;
}

function report(io: CliIo, copy: LedgerCopy, destination: string, source: LedgerConfig): void {
  if (copy.written === 0) io.out(`nothing to copy: ${destination} held every event already`);
  else io.out(`copied ${copy.written} events into ${destination}${copy.heldBefore > 0 ? ` after the ${copy.heldBefore} an earlier copy wrote` : ''}`);
  io.out(`both hold the same ${copy.total} events in the same order, read back and compared; content SHA-256 ${copy.digest}`);
  io.out(
    `the read models are built from the copy when a service starts on it; API keys are not copied: they stay in ${resolve(source.dataDir, KEY_STORE_FILE_NAME)}`,
  );
}
