import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { contentDigestOf } from '../core/event-store/ledger-copy';
import { checkProof, LedgerProof } from '../core/ledger-hash/proofs';
import { LedgerProofs } from '../ledger/ledger-proofs.service';
import { CliError, CliIo } from './cli-io';
import { dataDirOption, withEventStore } from './open-ledger';

const positiveInteger = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} must be a whole number of at least 1, got "${value}"`);
  return n;
};

/** `ledger verify`: exits 1, naming the first bad position, when the stored log does not match its hash chain. */
export function verifyCommand(io: CliIo): Command {
  return new Command('verify')
    .description('walk the hash chain and recorded digests; report the first position that does not match')
    .option(...dataDirOption)
    .action((options: { dataDir?: string }) =>
      withEventStore(options.dataDir, async (store) => {
        const report = await new LedgerProofs(store).verify();
        if (!report.ok) throw new CliError(`ledger does NOT verify at position ${report.firstBadPosition} (${report.failure}): ${report.problem}`);
        const unchained = report.unchained ?? 0;
        const before = unchained > 0 ? `; ${unchained} events before them were written before the ledger kept hashes on this backend` : '';
        const others = report.digestsOfAnotherChain
          ? `; ${report.digestsOfAnotherChain} recorded over another backend's chain (the ledger was copied from there) are checked against that log, not this one`
          : '';
        io.out(`ledger verifies: ${report.checked - unchained} events chained, ${report.digestsChecked} recorded digests match${before}${others}`);
      }),
    );
}

export function digestCommand(io: CliIo): Command {
  return new Command('digest')
    .description('print the Merkle root over the log (or its first --size events) as JSON')
    .option(...dataDirOption)
    .option('--size <n>', 'number of events the digest covers', positiveInteger('--size'))
    .option('--content', "the SHA-256 of the events' content instead, the same for a ledger and its copy on any backend (ledger copy)")
    .action((options: { dataDir?: string; size?: number; content?: boolean }) =>
      withEventStore(options.dataDir, async (store) =>
        io.out(JSON.stringify(options.content ? await contentDigestOf(store, options.size) : await new LedgerProofs(store).digest(options.size))),
      ),
    );
}

export function proofCommand(io: CliIo): Command {
  return new Command('proof')
    .description('print an inclusion proof of one event (by id) as JSON, for `ledger verify-proof`')
    .argument('<eventId>')
    .option(...dataDirOption)
    .option('--size <n>', 'prove against the digest of the first n events', positiveInteger('--size'))
    .action((eventId: string, options: { dataDir?: string; size?: number }) =>
      withEventStore(options.dataDir, async (store) => io.out(JSON.stringify(await new LedgerProofs(store).inclusion(eventId, options.size), null, 2))),
    );
}

/** Needs no ledger at all: the proof and, optionally, a digest root obtained from somewhere the inspector trusts. */
export function verifyProofCommand(io: CliIo): Command {
  return new Command('verify-proof')
    .description('check an inclusion or consistency proof (a JSON file, or - for standard input) without the ledger')
    .argument('<file>')
    .option('--root <hex>', 'the digest root you trust (published or recorded)')
    .action((file: string, options: { root?: string }) => {
      let proof: LedgerProof;
      try {
        proof = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as LedgerProof;
      } catch (error) {
        throw new CliError(`cannot read a proof from ${file}: ${(error as Error).message}`);
      }
      if (proof?.kind !== 'inclusion' && proof?.kind !== 'consistency') throw new CliError('the file is not a ledger proof (kind must be inclusion or consistency)');
      const check = checkProof(proof, options.root);
      if (!check.valid) throw new CliError(`proof does NOT verify: ${check.reason}`);
      io.out(`proof verifies: ${check.reason}`);
    });
}
