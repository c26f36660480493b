import { decisionStreamId } from '../../src/procedures/decision/decision';
import { procedureStreamId } from '../../src/procedures/procedure';
import { decision, newItem } from './fixtures';
import { ServiceProcess } from './service-process';

/** One write the crash test sent: what it asked for, and the events it must leave in the log if it was applied. */
export interface SentWrite {
  readonly idempotencyKey: string;
  readonly path: string;
  readonly body: unknown;
  /** The streams its events go to, one event each: all of them are written, or none. */
  readonly streams: readonly string[];
  /** What the model of the ledger learns once the write is acknowledged. */
  readonly onAcknowledged: (response: AcknowledgedBody) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AcknowledgedBody = any;

export interface Acknowledged {
  readonly write: SentWrite;
  readonly status: number;
  readonly body: AcknowledgedBody;
}

/** Thrown when the service went away before answering: the write is in flight, neither acknowledged nor refused. */
export class Severed extends Error {}

/**
 * A reform office writing to a service that may die at any moment. Every write carries its own Idempotency-Key;
 * an answered write is acknowledged (2xx) or refused (anything else, which this workload never expects), and a
 * write the service died on stays in flight until it is sent again, with the same key, to the next run.
 */
export class CrashClient {
  readonly acknowledged: Acknowledged[] = [];
  readonly refused: Acknowledged[] = [];
  readonly inFlight = new Map<string, SentWrite>();
  /** Announced days of each procedure the ledger acknowledged, as the client last learned them. */
  readonly days = new Map<string, number>();
  private sent = 0;

  constructor(private readonly lane: number) {}

  /** The big decision of a cycle: `items` new procedures in one decision, all applied or none. */
  bigDecision(cycle: number, items: number): SentWrite {
    const codes = Array.from({ length: items }, (_, i) => `${this.lane}.${cycle}.${i}`);
    return this.decisionOf(`${cycle + 1}/QĐ-UBND-L${this.lane}`, codes);
  }

  /** A small decision of a few new procedures. */
  smallDecision(cycle: number, step: number, items: number): SentWrite {
    const codes = Array.from({ length: items }, (_, i) => `${this.lane}.${cycle}.s${step}.${i}`);
    return this.decisionOf(`${cycle + 1}${String(step).padStart(4, '0')}/QĐ-L${this.lane}`, codes);
  }

  /** A half-day cut of a procedure's announced days, from what the client knows them to be. */
  cut(code: string): SentWrite {
    const fromDays = this.days.get(code)!;
    const toDays = fromDays - 0.5;
    return {
      idempotencyKey: this.nextKey(),
      path: `/procedures/${encodeURIComponent(code)}/cuts`,
      body: { fromDays, toDays, decision: { number: '77/QĐ-UBND', date: '2022-07-01', issuer: 'UBND tỉnh' } },
      streams: [procedureStreamId(code)],
      onAcknowledged: () => this.days.set(code, toDays),
    };
  }

  /** Procedures that can still be cut by half a day. */
  cuttable(): string[] {
    return [...this.days].filter(([, days]) => days >= 0.5).map(([code]) => code);
  }

  /** Sends a write; throws `Severed` (the write stays in flight) if the service dies before it has answered whole. */
  async send(service: ServiceProcess, write: SentWrite): Promise<Acknowledged> {
    this.inFlight.set(write.idempotencyKey, write);
    let answer: Acknowledged;
    try {
      const response = await fetch(`${service.url}${write.path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/json', 'idempotency-key': write.idempotencyKey },
        body: JSON.stringify(write.body),
      });
      answer = { write, status: response.status, body: await response.json() };
    } catch (error) {
      throw new Severed(`${write.path} in flight when the service died: ${(error as Error).message}`);
    }
    this.inFlight.delete(write.idempotencyKey);
    if (answer.status >= 200 && answer.status < 300) {
      this.acknowledged.push(answer);
      write.onAcknowledged(answer.body);
    } else {
      this.refused.push(answer);
    }
    return answer;
  }

  private decisionOf(number: string, codes: string[]): SentWrite {
    const body = decision(
      codes.map((code) => newItem(code, { statutoryDays: 400, announcedDays: 300, name: `Thủ tục ${code} – cấp tỉnh` })),
      { decision: { number, date: '2022-06-01', issuer: 'UBND tỉnh Bình Phước' } },
    );
    return {
      idempotencyKey: this.nextKey(),
      path: '/decisions',
      body,
      streams: [decisionStreamId({ number, date: '2022-06-01' }), ...codes.map(procedureStreamId)],
      onAcknowledged: () => codes.forEach((code) => this.days.set(code, 300)),
    };
  }

  private nextKey(): string {
    this.sent += 1;
    return `crash-l${this.lane}-${this.sent}`;
  }
}
