/**
 * One load run with autocannon's programmatic API: N connections for a fixed time, each request built afresh by
 * `next` (a distinct decision to post, or the next path of a list to read), so that no answer comes from the
 * idempotency record or from one row kept hot in a cache.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface LoadOptions {
  readonly url: string;
  readonly key: string;
  readonly connections: number;
  readonly seconds: number;
  readonly next: () => LoadRequest;
}

export interface LoadResult {
  readonly connections: number;
  readonly seconds: number;
  /** Responses received, of any status. */
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Latencies of the 2xx responses, in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly non2xx: number;
  /** Connection errors and time-outs. */
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly averageResponseBytes: number;
}

export function runLoad({ url, key, connections, seconds, next }: LoadOptions): Promise<LoadResult> {
  // autocannon's own percentiles come from an HDR histogram of whole milliseconds: too coarse for reads that take
  // less than one. The response event carries each latency in fractional ms (from process.hrtime), so they are kept
  // and sorted here; a 10-second run at a few thousand requests a second is some tens of thousands of numbers.
  const latencies: number[] = [];
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        // A request left unanswered this long counts as an error; a slow but valid one (an annual report) is not measured here.
        timeout: 30,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const { method, path, body } = next();
              return { ...request, method, path, ...(body !== undefined && { body }) };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] : NaN);
        const requests = Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + (s.count ?? 0), 0);
        resolve({
          connections,
          seconds: result.duration,
          requests,
          requestsPerSecond: requests / result.duration,
          p50: at(0.5),
          p99: at(0.99),
          max: latencies.at(-1) ?? NaN,
          non2xx: result.non2xx,
          errors: result.errors,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
          averageResponseBytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) return;
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}

export const ms = (value: number): string => (Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1));

/** The non-2xx count with its status codes, `0` when there were none: every refusal in a benchmark is a finding. */
export const refusals = (result: Pick<LoadResult, 'non2xx' | 'statusCodes'>): string =>
  result.non2xx
    ? `${result.non2xx} (${Object.entries(result.statusCodes).filter(([code]) => !code.startsWith('2')).map(([code, n]) => `${code}×${n}`).join(' ')})`
    : '0';
