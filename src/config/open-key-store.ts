import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiKeyStore } from '../access/api-key.store';
import { LedgerConfig } from './ledger-config';

export const KEY_STORE_FILE_NAME = 'access.sqlite';

/** API keys live in their own file beside the ledger, whatever the log's backend: the CLI manages them there. */
export function openKeyStore(config: LedgerConfig): ApiKeyStore {
  mkdirSync(config.dataDir, { recursive: true });
  return new ApiKeyStore(join(config.dataDir, KEY_STORE_FILE_NAME));
}
