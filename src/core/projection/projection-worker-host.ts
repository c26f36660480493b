import { Logger, LoggerService } from '@nestjs/common';
import { MessagePort } from 'node:worker_threads';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { errorText, FromProjectionWorker, ToProjectionWorker } from './projection-worker-protocol';

export interface HostedRunner {
  readonly runner: ProjectionRunner;
  /** Closes the connections the runner was given, once it has stopped. */
  readonly close: () => Promise<void>;
}

/**
 * Runs in the worker thread: starts the runner `open` builds (with connections of its own to the log and the read
 * store), reports its progress to the application and does what the application asks, until asked to stop. The
 * worker's log lines go to the application's logger, so that they follow its settings.
 */
export async function hostProjections(port: MessagePort, open: (options: Pick<ProjectionRunnerOptions, 'onProgress'>) => Promise<HostedRunner>): Promise<void> {
  const post = (message: FromProjectionWorker) => port.postMessage(message);
  Logger.overrideLogger(forwardingLogger(post));
  let hosted: HostedRunner | undefined;
  try {
    hosted = await open({ onProgress: (health) => post({ kind: 'progress', health }) });
    const { runner, close } = hosted;
    port.on('message', (message: ToProjectionWorker) => {
      if (message.kind === 'reach') {
        // The application keeps its own time limit and answers its reader; here only the folding matters.
        runner.reach(message.position, 60_000).catch(() => undefined);
        return;
      }
      runner
        .stop()
        .then(close)
        .catch((error: unknown) => post({ kind: 'log', level: 'error', message: `stopping the projections: ${errorText(error)}` }))
        .finally(() => port.close());
    });
    await runner.start();
    post({ kind: 'started', health: runner.health() });
  } catch (error) {
    post({ kind: 'failed', error: errorText(error) });
    await hosted?.close().catch(() => undefined);
    port.close();
  }
}

function forwardingLogger(post: (message: FromProjectionWorker) => void): LoggerService {
  // Nest's Logger passes the logger's context last.
  const send = (level: 'log' | 'warn' | 'error') => (message: unknown, ...rest: unknown[]) =>
    post({ kind: 'log', level, message: String(message), ...(typeof rest.at(-1) === 'string' && { context: rest.at(-1) as string }) });
  return { log: send('log'), warn: send('warn'), error: send('error') };
}
