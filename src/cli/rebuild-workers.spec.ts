import { ALL_PROJECTIONS } from '../../projections';
import { loadConfig } from '../config/ledger-config';
import { MemoryEventStore } from '../core/event-store/memory-event-store';
import { SqliteReadStore } from '../core/projection/read-store';
import { rebuildInWorkers, shareOut } from './rebuild-workers';

const names = (groups: ReturnType<typeof shareOut>) => groups.map((group) => group.map((p) => p.name));

describe('rebuild workers', () => {
  it('share the projections out by weight, the audit trail (a document per event) counting as two', () => {
    expect(names(shareOut(ALL_PROJECTIONS, 2))).toEqual([
      ['audit-trail', 'unit-histories'],
      ['procedure-catalog', 'processing-time-cuts', 'reorganisation-records'],
    ]);
    expect(names(shareOut(ALL_PROJECTIONS, 1))).toEqual([['audit-trail', 'procedure-catalog', 'processing-time-cuts', 'unit-histories', 'reorganisation-records']]);
    expect(shareOut(ALL_PROJECTIONS, 16)).toHaveLength(ALL_PROJECTIONS.length);
  });

  it('fail the rebuild with the cause when a worker cannot open the ledger, and make nothing live', async () => {
    const readStore = new SqliteReadStore(':memory:');
    const config = loadConfig({ LEDGER_DATA_DIR: '/dev/null/ledger' });
    await expect(rebuildInWorkers(config, new MemoryEventStore(), readStore, ALL_PROJECTIONS, { workers: 2 })).rejects.toThrow(/a rebuild worker \(.+\) failed: .*cannot be created/);
    expect(ALL_PROJECTIONS.map((p) => readStore.status(p.name))).toEqual(ALL_PROJECTIONS.map(() => undefined));
    readStore.close();
  });
});
