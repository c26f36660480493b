/**
 * A SYNTHETIC log for benchmarks: procedure events shaped like the ones the service writes (same types, data and
 * metadata), with made-up names and figures. Nothing here comes from a real catalogue or a real decision.
 *
 * The shape: about one procedure per ten events. The catalogue is opened with a third of them, decisions announce
 * the rest, then decisions amend, replace and abolish procedures and batches of processing-time cuts follow, each
 * citing a decision. Every append is about 500 events, like a large decision.
 */
import { EventMetadata, NewEvent } from '../src/core/event-envelope';
import { EventIds, newCorrelationId } from '../src/core/event-ids';
import { EventStore, StreamAppend } from '../src/core/event-store/event-store.port';
import { decisionStreamId } from '../src/procedures/decision/decision';
import { Level, ProcedureAttributes, procedureStreamId } from '../src/procedures/procedure';
import { mulberry32 } from '../src/synthetic/mulberry32';

export const BATCH_EVENTS = 500;

const FIELDS = ['Xây dựng', 'Đất đai', 'Tư pháp', 'Giáo dục và Đào tạo', 'Y tế', 'Giao thông vận tải', 'Tài nguyên và Môi trường',
  'Lao động, Thương binh và Xã hội', 'Công thương', 'Nông nghiệp và Phát triển nông thôn', 'Kế hoạch và Đầu tư', 'Văn hóa, Thể thao và Du lịch'];
const AGENCIES: Record<Level, readonly string[]> = {
  ministry: ['Bộ Tư pháp', 'Bộ Xây dựng', 'Bộ Y tế', 'Bộ Công Thương'],
  province: ['Sở Xây dựng', 'Sở Tư pháp', 'Sở Y tế', 'Sở Giao thông vận tải', 'Sở Tài nguyên và Môi trường', 'Sở Công Thương', 'Sở Kế hoạch và Đầu tư'],
  district: ['UBND cấp huyện', 'Phòng Tư pháp', 'Phòng Tài nguyên và Môi trường', 'Phòng Kinh tế - Hạ tầng'],
  commune: ['UBND cấp xã'],
};
const ACTORS = ['van-phong-ubnd', 'so-tu-phap', 'bo-phan-mot-cua', 'anonymous'];
const ISSUER = 'UBND tỉnh (synthetic)';
const OPENING_SOURCE = 'synthetic benchmark catalogue';

interface SyntheticProcedure {
  readonly code: string;
  attributes: ProcedureAttributes;
  /** Revision of the stream's last event; -1 before the first. */
  revision: number;
  /** Where it sits in the pool of procedures in force; -1 once abolished or replaced. */
  poolIndex: number;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the synthetic log through the EventStore port, batch after batch; it can be extended later to a larger size
 * (the procedures it made stay in its memory: about one small object per ten events).
 */
export class SyntheticLog {
  // Seeded, so that two runs write the same log and their figures compare.
  private readonly random = mulberry32(20_250_601);
  private procedureCount = 0;
  private readonly inForce: SyntheticProcedure[] = [];
  private decisions = 0;
  private day = 0;
  written = 0;

  /** @param plannedEvents the size the log will reach, which sets the number of procedures (a tenth of it). */
  constructor(private readonly plannedEvents: number) {}

  /** Appends batches until the log holds `total` events. */
  async extendTo(store: EventStore, total: number): Promise<void> {
    while (this.written < total) {
      const appends = this.nextBatch(Math.min(BATCH_EVENTS, total - this.written));
      await store.appendToStreams(appends);
      this.written += appends.reduce((sum, a) => sum + a.events.length, 0);
    }
  }

  /** The next append of at most `size` events: an opening, a decision, or a batch of cuts. */
  nextBatch(size: number): StreamAppend[] {
    const target = Math.ceil(this.plannedEvents / 10);
    if (this.procedureCount < target / 3) return this.opening(Math.min(size, target - this.procedureCount));
    if (this.procedureCount < target || this.inForce.length < BATCH_EVENTS) return this.announcing(size);
    return this.random() < 0.4 ? this.changing(size) : this.cuts(size);
  }

  private opening(size: number): StreamAppend[] {
    const writer = this.writer({ effectiveDate: '2021-12-31', source: OPENING_SOURCE });
    return Array.from({ length: size }, () => {
      const procedure = this.newProcedure();
      return this.appendTo(procedure, writer.wrap('ProcedureOpened', { code: procedure.code, ...procedure.attributes }));
    });
  }

  private announcing(size: number): StreamAppend[] {
    const decision = this.decision();
    const appends = Array.from({ length: size - 1 }, () => {
      const procedure = this.newProcedure();
      decision.summaries.push({ kind: 'new', code: procedure.code });
      return this.appendTo(procedure, decision.writer.wrap('ProcedureAnnounced', { code: procedure.code, ...procedure.attributes }));
    });
    return [decision.append(), ...appends];
  }

  /** A decision amending most of its procedures, replacing a few by new ones and abolishing a few. */
  private changing(size: number): StreamAppend[] {
    const decision = this.decision();
    const capacity = size - 1;
    const appends: StreamAppend[] = [];
    for (const procedure of this.pickInForce(capacity)) {
      const roll = this.random();
      if (roll < 0.03 && appends.length + 2 <= capacity) {
        const successor = this.newProcedure();
        decision.summaries.push({ kind: 'replaced', code: successor.code, replacesCode: procedure.code });
        appends.push(
          this.appendTo(successor, decision.writer.wrap('ProcedureAnnounced', { code: successor.code, ...successor.attributes, replaces: procedure.code })),
          this.appendTo(procedure, decision.writer.wrap('ProcedureReplaced', { code: procedure.code, replacedBy: successor.code }), false),
        );
      } else if (roll < 0.06) {
        decision.summaries.push({ kind: 'abolished', code: procedure.code });
        appends.push(this.appendTo(procedure, decision.writer.wrap('ProcedureAbolished', { code: procedure.code }), false));
      } else {
        procedure.attributes = { ...procedure.attributes, onlineLevel: this.random() < 0.5 ? 'fully' : 'partly', connectedToNationalPortal: true };
        decision.summaries.push({ kind: 'amended', code: procedure.code });
        appends.push(this.appendTo(procedure, decision.writer.wrap('ProcedureAmended', { code: procedure.code, ...procedure.attributes })));
      }
      if (appends.length >= capacity) break;
    }
    return [decision.append(), ...appends];
  }

  /** Cuts are one command each (one correlation id each), all citing the same cut decision; a procedure at half a day is not cut. */
  private cuts(size: number): StreamAppend[] {
    this.day += 1;
    const decision = { number: `${++this.decisions}/QĐ-UBND`, date: this.date(), issuer: ISSUER };
    const effectiveDate = addDays(decision.date, 15);
    return this.pickInForce(size)
      .filter((p) => p.attributes.announcedDays > 0.5)
      .map((procedure) => {
        const fromDays = procedure.attributes.announcedDays;
        const toDays = Math.max(0.5, fromDays - (this.random() < 0.5 ? 0.5 : 1));
        procedure.attributes = { ...procedure.attributes, announcedDays: toDays };
        const writer = this.writer({ effectiveDate, decision });
        return this.appendTo(procedure, writer.wrap('ProcessingTimeCut', { code: procedure.code, fromDays, toDays }));
      });
  }

  /** A decision's own event comes first in its append; its items are caused by it, as RecordDecisionHandler writes them. */
  private decision() {
    this.day += 1;
    const ref = { number: `${++this.decisions}/QĐ-UBND`, date: this.date(), issuer: ISSUER };
    const effectiveDate = addDays(ref.date, 15);
    const correlationId = newCorrelationId();
    const ids = new EventIds();
    const decisionEventId = ids.nextId();
    const summaries: Array<{ kind: string; code: string; replacesCode?: string }> = [];
    const actor = this.pick(ACTORS);
    const writer = this.writer({ effectiveDate, decision: ref }, { ids, correlationId, actor, causationId: decisionEventId });
    const append = (): StreamAppend => ({
      streamId: decisionStreamId(ref),
      expectedRevision: 'no_stream',
      events: [
        {
          id: decisionEventId,
          type: 'DecisionRecorded',
          schemaVersion: 1,
          data: { ...ref, title: 'Synthetic benchmark decision', effectiveDate, items: summaries },
          metadata: { actor, effectiveDate, correlationId, causationId: correlationId, decision: ref },
        },
      ],
    });
    return { summaries, writer, append };
  }

  /** Envelopes as EnvelopeWriter makes them for a request without an idempotency key: UUIDv7 ids, one correlation id. */
  private writer(
    facts: Pick<EventMetadata, 'effectiveDate' | 'decision' | 'source'>,
    shared: { ids: EventIds; correlationId: string; actor: string; causationId?: string } = {
      ids: new EventIds(),
      correlationId: newCorrelationId(),
      actor: this.pick(ACTORS),
    },
  ) {
    return {
      wrap: (type: string, data: object): NewEvent => ({
        id: shared.ids.nextId(),
        type,
        schemaVersion: 1,
        data,
        metadata: {
          actor: shared.actor,
          effectiveDate: facts.effectiveDate,
          correlationId: shared.correlationId,
          causationId: shared.causationId ?? shared.correlationId,
          ...(facts.decision && { decision: facts.decision }),
          ...(facts.source && { source: facts.source }),
        },
      }),
    };
  }

  private appendTo(procedure: SyntheticProcedure, event: NewEvent, stillInForce = true): StreamAppend {
    const expectedRevision = procedure.revision < 0 ? 'no_stream' : procedure.revision;
    procedure.revision += 1;
    if (!stillInForce) this.retire(procedure);
    return { streamId: procedureStreamId(procedure.code), expectedRevision, events: [event] };
  }

  private newProcedure(): SyntheticProcedure {
    const index = ++this.procedureCount;
    const roll = this.random();
    const level: Level = roll < 0.05 ? 'ministry' : roll < 0.55 ? 'province' : roll < 0.8 ? 'district' : 'commune';
    const statutoryDays = 5 + Math.floor(this.random() * 56);
    const procedure: SyntheticProcedure = {
      code: `${'1234'[['ministry', 'province', 'district', 'commune'].indexOf(level)]}.${String(index).padStart(6, '0')}`,
      attributes: {
        name: `Thủ tục mẫu ${index} (synthetic)`,
        level,
        field: this.pick(FIELDS),
        agency: this.pick(AGENCIES[level]),
        statutoryDays,
        announcedDays: statutoryDays - Math.floor(this.random() * 4) / 2,
        onlineLevel: this.random() < 0.3 ? 'none' : 'partly',
        connectedToNationalPortal: this.random() < 0.6,
        interLevel: this.random() < 0.1,
      },
      revision: -1,
      poolIndex: this.inForce.length,
    };
    this.inForce.push(procedure);
    return procedure;
  }

  /** Distinct procedures in force: one decision touches a procedure once. */
  private pickInForce(count: number): SyntheticProcedure[] {
    const picked = new Set<SyntheticProcedure>();
    const wanted = Math.min(count, this.inForce.length);
    while (picked.size < wanted) picked.add(this.inForce[Math.floor(this.random() * this.inForce.length)]);
    return [...picked];
  }

  /** Swap-remove: the pool's order does not matter, and a linear search would make large logs quadratic. */
  private retire(procedure: SyntheticProcedure): void {
    const last = this.inForce.pop()!;
    if (last !== procedure) {
      this.inForce[procedure.poolIndex] = last;
      last.poolIndex = procedure.poolIndex;
    }
    procedure.poolIndex = -1;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  private date(): string {
    return addDays('2022-01-01', this.day);
  }
}
