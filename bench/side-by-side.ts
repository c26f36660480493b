/** One way of writing a unit of work (a command, a decision), timed alone. */
export interface Writer<Work> {
  readonly name: string;
  write(work: Work): unknown;
  /** Which units this writer takes, by index; all of them when absent. A slow writer can take a sample. */
  readonly takes?: (index: number) => boolean;
}

export interface SideBySide {
  /** Events in each unit of work. */
  readonly events: readonly number[];
  /** Milliseconds each writer took on each unit; undefined where it did not take that unit. */
  readonly ms: ReadonlyMap<string, ReadonlyArray<number | undefined>>;
}

/**
 * Times several writers on the same units of work, one unit at a time, rotating which writer goes first: disk and
 * cache conditions are then shared alike, and no writer always pays for the one before it. Only the writes are timed,
 * not making the units.
 */
export async function timeSideBySide<Work>(units: Iterable<Work>, eventsOf: (work: Work) => number, writers: readonly Writer<Work>[]): Promise<SideBySide> {
  const events: number[] = [];
  const ms = new Map(writers.map((w) => [w.name, [] as Array<number | undefined>]));
  let index = 0;
  for (const work of units) {
    for (let turn = 0; turn < writers.length; turn += 1) {
      const writer = writers[(index + turn) % writers.length];
      if (writer.takes && !writer.takes(index)) continue;
      const started = performance.now();
      try {
        await writer.write(work);
      } catch (error) {
        throw new Error(`${writer.name} failed on unit ${index}: ${(error as Error).message}`, { cause: error });
      }
      ms.get(writer.name)![index] = performance.now() - started;
    }
    events.push(eventsOf(work));
    index += 1;
  }
  return { events, ms };
}

/** A writer's figures, and another's over the very same units (the limit's, ours): ratios need both. */
export interface Compared {
  readonly events: number;
  readonly seconds: number;
  readonly referenceSeconds: Readonly<Record<string, number>>;
}

export function compare(result: SideBySide, name: string, references: readonly string[]): Compared {
  const own = result.ms.get(name)!;
  const taken = result.events.map((_, i) => i).filter((i) => own[i] !== undefined);
  const seconds = (of: string) => taken.reduce((sum, i) => sum + (result.ms.get(of)![i] ?? Number.NaN), 0) / 1000;
  return {
    events: taken.reduce((sum, i) => sum + result.events[i], 0),
    seconds: seconds(name),
    referenceSeconds: Object.fromEntries(references.map((r) => [r, seconds(r)])),
  };
}
