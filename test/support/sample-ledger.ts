import { cut, decision, newItem } from './fixtures';
import { CATALOGUE, MERGER, REGISTRY } from './organisation-fixtures';
import { TestApp } from './test-app';

/** A ledger as the service writes it: units, an opening catalogue, a decision, a cut and a merger. */
export async function recordSampleLedger(t: TestApp): Promise<void> {
  const ok = async (url: string, body: unknown) => {
    const response = await t.request('POST', url, body);
    if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  };
  for (const body of REGISTRY) await ok('/units', body);
  await ok('/catalogue/opening-entries', CATALOGUE);
  await ok('/decisions', decision([newItem('1.000046'), newItem('1.000047', { announcedDays: 12 })]));
  await ok('/procedures/1.000047/cuts', cut(12, 9, { expectedRevision: 0 }));
  await ok('/reorganisations/merges', {
    decision: MERGER,
    effectiveDate: '2025-03-01',
    units: [{ unitId: 'so-nnptnt' }, { unitId: 'so-tnmt' }],
    into: { unitId: 'so-nnmt', name: 'Sở Nông nghiệp và Môi trường', level: 'province', category: 'agency', parentId: 'tinh' },
  });
}
