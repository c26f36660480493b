import { LiveProjections } from '../../src/core/projection/live-projections';

/** The read models of a read store, taken as caught up: a test rebuilds them by hand (rebuildProjections). */
export class RebuiltProjections extends LiveProjections {
  start = async () => undefined;
  stop = async () => undefined;
  health = () => [];
  caughtUp = async () => undefined;
}
