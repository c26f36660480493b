/** What one member of a group came to: its result, or the error it alone is refused with. */
export type MemberOutcome<Result> = { readonly ok: true; readonly result: Result } | { readonly ok: false; readonly error: unknown };

interface Waiting<Request, Result> {
  readonly request: Request;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: the requests that arrive in the same turn of the event loop are committed together, so that a
 * durable commit (a sync of the write-ahead log, which costs far more than the writes themselves) is paid once per
 * group instead of once per request. `commitGroup` writes every member in one transaction, each member in a savepoint
 * of its own, and returns one outcome per member; a member's refusal leaves the others standing. When `commitGroup`
 * throws, nothing of the group was committed and every member is refused with that error.
 *
 * Requests are committed in the order they were submitted. Each promise settles only after the group's commit, so an
 * acknowledged request is a durable one. `setImmediate` runs after the event loop has taken in all the I/O that was
 * ready (every request already read from its socket), which is what makes a group under load, and costs a single
 * loop turn to a request that comes alone.
 */
export class GroupCommit<Request, Result> {
  private waiting: Array<Waiting<Request, Result>> = [];

  constructor(
    private readonly commitGroup: (requests: readonly Request[]) => ReadonlyArray<MemberOutcome<Result>>,
    private readonly onCommitted: () => void = () => undefined,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.commit());
    });
  }

  private commit(): void {
    const group = this.waiting;
    this.waiting = [];
    let outcomes: ReadonlyArray<MemberOutcome<Result>>;
    try {
      outcomes = this.commitGroup(group.map((member) => member.request));
    } catch (error) {
      group.forEach((member) => member.reject(error));
      return;
    }
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
    group.forEach((member, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) member.resolve(outcome.result);
      else member.reject(outcome.error);
    });
  }
}
