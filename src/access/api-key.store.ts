import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { Role } from './roles';

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, revoked_at TEXT
);`;

const hashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * API keys, kept only as SHA-256 hashes: the key itself is shown once, when created. Keys are high-entropy random
 * strings, so a fast hash is enough (a password hash would only slow every request down).
 */
export class ApiKeyStore {
  private readonly db: Database.Database;
  /** Prepared once: every request is authenticated, and preparing costs about as much as the lookup. */
  private readonly activeByHash: Database.Statement<[string], ApiKeyRecord>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.activeByHash = this.db.prepare(
      'SELECT id, name, role, created_at AS createdAt, revoked_at AS revokedAt FROM api_keys WHERE hash = ? AND revoked_at IS NULL',
    );
  }

  /** Creates a key and returns it in clear, once. */
  create(name: string, role: Role, now = new Date()): { key: string; record: ApiKeyRecord } {
    const id = randomBytes(6).toString('hex');
    const key = `rl_${id}_${randomBytes(24).toString('base64url')}`;
    const createdAt = now.toISOString();
    this.db.prepare('INSERT INTO api_keys (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)').run(id, name, role, hashOf(key), createdAt);
    return { key, record: { id, name, role, createdAt, revokedAt: null } };
  }

  /** The active key matching a presented secret, if any. */
  authenticate(key: string): ApiKeyRecord | undefined {
    return this.activeByHash.get(hashOf(key));
  }

  list(): ApiKeyRecord[] {
    return this.db.prepare<[], ApiKeyRecord>('SELECT id, name, role, created_at AS createdAt, revoked_at AS revokedAt FROM api_keys ORDER BY created_at, id').all();
  }

  /** Returns false when no active key has that id. */
  revoke(id: string, now = new Date()): boolean {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes === 1;
  }

  hasActiveAdmin(): boolean {
    return this.db.prepare("SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1").get() !== undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
