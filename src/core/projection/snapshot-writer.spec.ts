import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogEntry, procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { SqliteReadStore } from './read-store';
import { writeSnapshot } from './snapshot-writer';

const ENTRY = {
  code: '1.1',
  status: 'in_force',
  attributes: { name: 'Thủ tục', level: 'province', field: 'Đất đai', agency: 'Sở Tài nguyên', statutoryDays: 30, announcedDays: 20 },
  lastEffectiveDate: '2024-06-01',
  revision: 3,
} as unknown as CatalogEntry;

describe('a snapshot written beside another connection', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-snapshot-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is registered with the write lock held from its first read: a commit by another connection cannot come in between and refuse it', () => {
    const file = join(dir, 'readmodels.sqlite');
    const readStore = new SqliteReadStore(file);
    // The service folding into the same file, told not to wait, so that a lock held shows at once.
    const service = new Database(file);
    service.pragma('busy_timeout = 0');
    try {
      const read = readStore.snapshot.bind(readStore);
      const refused: string[] = [];
      jest.spyOn(readStore, 'snapshot').mockImplementation((label) => {
        const found = read(label);
        try {
          service.exec('INSERT INTO generations (generation) VALUES (NULL)');
        } catch (error) {
          refused.push((error as { code: string }).code);
        }
        return found;
      });
      const label = writeSnapshot(readStore, procedureCatalogProjection, { asOf: '2024-12-31' }, 7, 'event-7', [['1.1', ENTRY]]);

      expect(readStore.snapshot(label)).toMatchObject({ position: 7, checkpointEvent: 'event-7', asOf: '2024-12-31', knownAt: null });
      expect([...readStore.documents(procedureCatalogProjection, readStore.snapshot(label)!.generation)]).toEqual([ENTRY]);
      // The service's write waited for the registration (here: was refused, not waiting), rather than failing it.
      expect(refused).toEqual(['SQLITE_BUSY']);
    } finally {
      service.close();
      readStore.close();
    }
  });
});
