import { effectiveDateOf } from './seed-fact';
import { SEED_FACTS } from './seed-plan';
import { validatedRequest } from './load-seeds';
import { SEED_SOURCES } from './sources';

describe('the seeded facts', () => {
  it('each pass the validation the API applies', async () => {
    for (const fact of SEED_FACTS) await expect(validatedRequest(fact)).resolves.toBeDefined();
  });

  it('each have a unique id, cite one of the source files, quote it, and stand on a date the sources cover (2016–2024)', () => {
    expect(new Set(SEED_FACTS.map((f) => f.id)).size).toBe(SEED_FACTS.length);
    for (const fact of SEED_FACTS) {
      expect(SEED_SOURCES).toContain(fact.source);
      expect(fact.source.file).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
      expect(fact.quote.length).toBeGreaterThan(20);
      expect(effectiveDateOf(fact) >= '2016-01-01' && effectiveDateOf(fact) <= '2024-12-31').toBe(true);
    }
  });

  it('come in the order their figures stand, so that each report is checked against the ones before it', () => {
    const dates = SEED_FACTS.map(effectiveDateOf);
    expect(dates).toEqual([...dates].sort());
  });

  it('hold the published totals and no procedure or unit detail the sources do not give', () => {
    const types = new Set(SEED_FACTS.map((f) => f.type));
    expect([...types].sort()).toEqual(['campaign', 'campaign-results', 'reorganisation-summary', 'report']);
    const text = JSON.stringify(SEED_FACTS.map((f) => f.body));
    for (const figure of [27843.5, 19341.5, 8502, 30.54, 1784, 1446, 244, 94, 214, 124, 138, 126, 587, 497, 226593, 27734, 88991, 98942, 108509, 357622, 1651, 92.54, 87.5, 1437, 1476, 1468, 77.7, 88.81, 92.51, 3.71, 62.85, 81.61, 128216, 750.6]) {
      expect(text).toContain(`:${figure}`);
    }
  });
});
