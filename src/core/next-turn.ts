/**
 * Resolves on the event loop's next turn, after the I/O that was ready: long work on the service's one thread awaits
 * it between chunks, so that requests, health checks and commits go on being answered meanwhile.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
