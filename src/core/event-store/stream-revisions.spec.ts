import { StreamRevisionRow, StreamRevisions } from './stream-revisions';

describe('StreamRevisions', () => {
  const lookUps: string[] = [];
  const lookUp = (revisions: Record<string, number>) => (streamId: string) => (lookUps.push(streamId), revisions[streamId] ?? -1);
  const nothingAppended = (): StreamRevisionRow[] => [];
  beforeEach(() => (lookUps.length = 0));

  it('looks a stream up once, then answers from what it wrote', () => {
    const known = new StreamRevisions();
    known.syncTo(10, nothingAppended);
    expect(known.revisionOf('a', lookUp({ a: 3 }))).toBe(3);
    known.wrote('a', 5, 12);
    known.syncTo(12, nothingAppended);
    expect(known.revisionOf('a', lookUp({ a: 3 }))).toBe(5);
    expect(lookUps).toEqual(['a']);
  });

  it('catches up with what another connection appended after the head it knew, for the streams it knows', () => {
    const known = new StreamRevisions();
    known.syncTo(10, nothingAppended);
    known.revisionOf('a', lookUp({ a: 3 }));
    const afterTen = jest.fn(() => [
      { streamId: 'a', revision: 4 },
      { streamId: 'b', revision: 0 },
      { streamId: 'a', revision: 5 },
    ]);
    known.syncTo(13, afterTen);
    expect(afterTen).toHaveBeenCalledWith(10);
    expect(known.revisionOf('a', lookUp({}))).toBe(5);
    // Not known before: looked up, not taken from the catch-up.
    expect(known.revisionOf('b', lookUp({ b: 0 }))).toBe(0);
    expect(lookUps).toEqual(['a', 'b']);
  });

  it('forgets everything rather than read a long way back, or when the head is one it never saw', () => {
    const known = new StreamRevisions(100, 2);
    known.syncTo(10, nothingAppended);
    known.revisionOf('a', lookUp({ a: 3 }));
    const appended = jest.fn(nothingAppended);
    known.syncTo(20, appended);
    expect(appended).not.toHaveBeenCalled();
    expect(known.revisionOf('a', lookUp({ a: 9 }))).toBe(9);
    known.syncTo(15, appended);
    expect(known.revisionOf('a', lookUp({ a: 7 }))).toBe(7);
    expect(lookUps).toEqual(['a', 'a', 'a']);
  });

  it('after forget, looks up again whatever the head', () => {
    const known = new StreamRevisions();
    known.syncTo(10, nothingAppended);
    known.wrote('a', 4, 11);
    known.forget();
    known.syncTo(11, nothingAppended);
    expect(known.revisionOf('a', lookUp({ a: 2 }))).toBe(2);
  });

  it('keeps at most its capacity of streams', () => {
    const known = new StreamRevisions(2);
    known.syncTo(0, nothingAppended);
    for (const id of ['a', 'b', 'c', 'a']) known.revisionOf(id, lookUp({}));
    // c went past the capacity: a and b were forgotten, so a was looked up again.
    expect(lookUps).toEqual(['a', 'b', 'c', 'a']);
  });
});
