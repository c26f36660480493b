import { LiveProjections } from './live-projections';

/**
 * The read models of a read store as they stand, with nothing folding them in this process: what a command of the CLI
 * reads beside a service that may be folding them in its own, or a test that rebuilds them by hand.
 */
export class ProjectionsAtRest extends LiveProjections {
  start = async () => undefined;
  stop = async () => undefined;
  health = () => [];
  caughtUp = async () => undefined;
}
