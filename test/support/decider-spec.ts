/**
 * Business rules read as specifications:
 *   given([past events]).when(command).then([new events])  or  .thenThrows(matcher)
 * The past events are folded with the slice's `evolve`, the command decided with its `decide`.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): readonly unknown[];
  evolve(state: State, event: Event): State;
  readonly initialState: State;
}

export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly unknown[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(expected: Record<string, unknown>): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              expect(thrown).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}
