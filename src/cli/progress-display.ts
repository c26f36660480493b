import { Presets, SingleBar } from 'cli-progress';
import { eventsPerSecond, RebuildProgress } from '../core/projection/rebuild';
import { CliIo } from './cli-io';

/** Shows a rebuild's progress (or a copy's, named by `label`): `report` for each page, `done` once it ended, well or not. */
export interface ProgressDisplay {
  report(progress: RebuildProgress): void;
  done(): void;
}

/** A bar redrawn in place on a terminal; plain lines where the output is kept (a pipe, a log, CI). */
export const progressDisplay = (io: CliIo, label = 'rebuild'): ProgressDisplay => (io.isTerminal ? progressBar(io, label) : progressLines(io, label));

function progressBar(io: CliIo, label: string): ProgressDisplay {
  const bar = new SingleBar(
    {
      stream: io.terminal ?? process.stderr,
      format: `${label} |{bar}| {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}`,
      hideCursor: true,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    report: ({ position, head, events, elapsedMs }) => {
      const rate = eventsPerSecond(events, elapsedMs);
      // The head is known with the first page only, and grows if events are appended during the rebuild.
      if (!started) bar.start(head, position, { rate });
      else if (head !== bar.getTotal()) bar.setTotal(head);
      started = true;
      bar.update(position, { rate });
    },
    done: () => bar.stop(),
  };
}

/** A line at each tenth of the way and at least every 2 s, so that a log shows the rebuild moving without flooding. */
function progressLines(io: CliIo, label: string, everyMs = 2000): ProgressDisplay {
  let nextTenth = 1;
  let lastLineAt = 0;
  return {
    report: ({ position, head, events, elapsedMs }) => {
      const fraction = head > 0 ? position / head : 1;
      if (fraction * 10 < nextTenth && elapsedMs - lastLineAt < everyMs) return;
      nextTenth = Math.floor(fraction * 10) + 1;
      lastLineAt = elapsedMs;
      io.err(`${label}: ${position}/${head} events (${Math.floor(fraction * 100)}%), ${eventsPerSecond(events, elapsedMs)} events/s`);
    },
    done: () => undefined,
  };
}
