import { ProjectionHealth } from './live-projections';

/** What the application asks of the thread folding its projections. */
export type ToProjectionWorker =
  /** A reader waits for the log up to `position`: fold now rather than gather more writes first. */
  | { readonly kind: 'reach'; readonly position: number }
  | { readonly kind: 'stop' };

/** What that thread tells the application. Errors travel as text: thrown across threads, they can lose their message. */
export type FromProjectionWorker =
  /** The projections are loaded (new generations created where a definition changed) and folding has begun. */
  | { readonly kind: 'started'; readonly health: ProjectionHealth[] }
  | { readonly kind: 'progress'; readonly health: ProjectionHealth[] }
  | { readonly kind: 'log'; readonly level: 'log' | 'warn' | 'error'; readonly context?: string; readonly message: string }
  | { readonly kind: 'failed'; readonly error: string };

export function errorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return error instanceof Error ? `${error.message}${typeof code === 'string' ? ` (${code})` : ''}` : String(error);
}
