import { GroupCommit, MemberOutcome } from './group-commit';

/** A commit that records each group it is given, refuses odd numbers, and fails outright when asked to. */
function recordingCommit() {
  const groups: number[][] = [];
  let failNext: Error | undefined;
  const commit = new GroupCommit<number, string>((requests) => {
    groups.push([...requests]);
    if (failNext) {
      const error = failNext;
      failNext = undefined;
      throw error;
    }
    return requests.map((n): MemberOutcome<string> => (n % 2 ? { ok: false, error: new Error(`odd ${n}`) } : { ok: true, result: `even ${n}` }));
  });
  return { commit, groups, failOnce: (error: Error) => (failNext = error) };
}

describe('GroupCommit', () => {
  it('commits the requests submitted in one turn of the event loop as one group, in submission order', async () => {
    const { commit, groups } = recordingCommit();
    const results = await Promise.all([0, 2, 4, 6].map((n) => commit.submit(n)));
    expect(results).toEqual(['even 0', 'even 2', 'even 4', 'even 6']);
    expect(groups).toEqual([[0, 2, 4, 6]]);
  });

  it('starts a new group for requests submitted after a commit', async () => {
    const { commit, groups } = recordingCommit();
    await commit.submit(0);
    await Promise.all([commit.submit(2), commit.submit(4)]);
    expect(groups).toEqual([[0], [2, 4]]);
  });

  it('refuses a member alone, and settles the others with their results', async () => {
    const { commit } = recordingCommit();
    const outcomes = await Promise.allSettled([0, 1, 2].map((n) => commit.submit(n)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'even 0' },
      { status: 'rejected', reason: new Error('odd 1') },
      { status: 'fulfilled', value: 'even 2' },
    ]);
  });

  it('refuses every member with the error of a group that failed to commit, then commits the next group', async () => {
    const { commit, failOnce } = recordingCommit();
    failOnce(new Error('disk full'));
    const outcomes = await Promise.allSettled([0, 2].map((n) => commit.submit(n)));
    expect(outcomes.map((o) => o.status === 'rejected' && (o.reason as Error).message)).toEqual(['disk full', 'disk full']);
    await expect(commit.submit(4)).resolves.toBe('even 4');
  });

  it('tells of a commit once per group that kept something, never for a group refused whole', async () => {
    let committed = 0;
    const commit = new GroupCommit<number, number>(
      (requests) => requests.map((n) => (n < 0 ? { ok: false, error: new Error('negative') } : { ok: true, result: n })),
      () => committed++,
    );
    await Promise.all([commit.submit(1), commit.submit(2)]);
    await commit.submit(-1).catch(() => undefined);
    expect(committed).toBe(1);
  });
});
