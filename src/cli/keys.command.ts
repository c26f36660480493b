import { Command } from 'commander';
import { ApiKeyStore } from '../access/api-key.store';
import { Role, ROLES } from '../access/roles';
import { loadConfig } from '../config/ledger-config';
import { openKeyStore } from '../config/open-key-store';
import { CliError, CliIo } from './cli-io';
import { dataDirOption } from './open-ledger';

function withKeys<T>(dataDir: string | undefined, work: (keys: ApiKeyStore) => T): T {
  const keys = openKeyStore(loadConfig({ ...process.env, ...(dataDir && { LEDGER_DATA_DIR: dataDir }) }));
  try {
    return work(keys);
  } finally {
    keys.close();
  }
}

/** `ledger keys create|list|revoke`: API keys, shown once when created and stored only as hashes. */
export function keysCommand(io: CliIo): Command {
  const keys = new Command('keys').description('create, list and revoke API keys');
  keys
    .command('create')
    .description('create an API key; it is printed once and cannot be shown again')
    .requiredOption('--name <name>', 'who holds the key; recorded as the actor of every event written with it')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option(...dataDirOption)
    .action((options: { name: string; role: string; dataDir?: string }) => {
      const name = options.name.normalize('NFC').trim();
      if (!/^[\p{L}\p{N} ._@-]{1,100}$/u.test(name)) throw new CliError('--name must be 1 to 100 letters, digits, spaces, dots, dashes, @ or underscores');
      if (!(ROLES as readonly string[]).includes(options.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}, got "${options.role}"`);
      const { key, record } = withKeys(options.dataDir, (store) => store.create(name, options.role as Role));
      io.out(`created key ${record.id} for ${record.name} (${record.role}); keep it now, it is not shown again:`);
      io.out(key);
    });
  keys
    .command('list')
    .description('list keys (never the keys themselves)')
    .option(...dataDirOption)
    .action((options: { dataDir?: string }) =>
      withKeys(options.dataDir, (store) => {
        for (const k of store.list()) io.out(`${k.id}  ${k.role.padEnd(13)} ${k.name}  created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}`);
      }),
    );
  keys
    .command('revoke')
    .description('revoke a key by its id; requests with it get 401 from then on')
    .argument('<id>')
    .option(...dataDirOption)
    .action((id: string, options: { dataDir?: string }) => {
      if (!withKeys(options.dataDir, (store) => store.revoke(id))) throw new CliError(`no active key with id ${id}`);
      io.out(`revoked key ${id}`);
    });
  return keys;
}
