import { Injectable } from '@nestjs/common';
import { DecisionRef, RecordedEvent } from '../core/event-envelope';
import { ConcurrencyError } from '../core/errors/ledger-errors';
import { ExpectedRevision } from '../core/event-store/event-store.port';
import { LiveProjections } from '../core/projection/live-projections';
import { reorganisationRecordsProjection, StreamHistory, unitHistoriesProjection } from '../../projections/organisation-streams.projection';
import { CatalogEntry, procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { isProcedureEvent } from '../procedures/procedure.events';
import { schemaVersionOf as procedureSchemaVersionOf } from '../procedures/procedure-stream';
import { StreamEvents } from '../procedures/batch-rules';
import { OrganisationState } from './procedure-moves.decider';
import { REORGANISATION_EVENT_SCHEMA_VERSIONS } from './reorganisation';
import { reorganisationStreamId, unitStreamId } from './unit';
import { UNIT_EVENT_SCHEMA_VERSIONS } from './unit.events';
import { registryAsOf, UnitFact, UnitRegistry } from './unit.state';

const ORGANISATION_SCHEMA_VERSIONS: Record<string, number> = { ...UNIT_EVENT_SCHEMA_VERSIONS, ...REORGANISATION_EVENT_SCHEMA_VERSIONS };

/** Organisation events, and the procedure events a reorganisation writes with them. */
export const schemaVersionOf = (type: string): number => ORGANISATION_SCHEMA_VERSIONS[type] ?? procedureSchemaVersionOf(type);

/**
 * The organisation as the read models hold it at one moment: unit streams and the decisions' reorganisation streams.
 * Copies of the document maps, so that one request reads one consistent moment.
 */
export class OrganisationSnapshot {
  constructor(
    protected readonly units: ReadonlyMap<string, StreamHistory>,
    protected readonly decisions: ReadonlyMap<string, StreamHistory>,
  ) {}

  unitEvents(unitId: string): readonly RecordedEvent[] {
    return this.units.get(unitStreamId(unitId))?.events ?? [];
  }

  registry(asOf?: string): UnitRegistry {
    return registryAsOf([...this.units.values()].map((history) => history.events as unknown as UnitFact[]), asOf);
  }

  /** Every unit's events, for reads that fold step by step. */
  unitHistories(): Array<readonly UnitFact[]> {
    return [...this.units.values()].map((history) => history.events as unknown as UnitFact[]);
  }

  decisionEvents(decision: Pick<DecisionRef, 'number' | 'date'>): readonly RecordedEvent[] {
    return this.decisions.get(reorganisationStreamId(decision))?.events ?? [];
  }

  allDecisionEvents(): RecordedEvent[] {
    return [...this.decisions.values()].flatMap((history) => history.events).sort((a, b) => a.position - b.position);
  }

  /** The caller's expected revision of a unit, if given, must be the one just read; unknown units are left to the rules. */
  checkExpected(unitId: string, expected: number | undefined): void {
    const events = this.unitEvents(unitId);
    if (expected !== undefined && events.length > 0 && events.at(-1)!.revision !== expected) {
      throw new ConcurrencyError(unitStreamId(unitId), String(expected), String(events.at(-1)!.revision));
    }
  }
}

/**
 * What a reorganisation is decided on: the organisation and the procedure catalogue, read at the same moment. Only
 * commands need the catalogue; reads of the organisation leave it unread, since over a long log it is most of the
 * read store.
 */
export class OrganisationWithCatalogue extends OrganisationSnapshot {
  constructor(
    units: ReadonlyMap<string, StreamHistory>,
    decisions: ReadonlyMap<string, StreamHistory>,
    private readonly catalogue: ReadonlyMap<string, CatalogEntry>,
  ) {
    super(units, decisions);
  }

  state(): OrganisationState {
    return { units: this.registry(), procedures: this.catalogue };
  }

  /** The revision each decided stream was read at: the append fails with 409 if any moved meanwhile. */
  expectedRevision(part: StreamEvents): ExpectedRevision {
    const [first] = part.events;
    const stored = isProcedureEvent(first)
      ? this.catalogue.get(first.data.code)
      : (this.units.get(part.streamId) ?? this.decisions.get(part.streamId))?.events.at(-1);
    return stored?.revision ?? 'no_stream';
  }
}

/** Reads the organisation from the live read models, after they have caught up with the log. */
@Injectable()
export class OrganisationReadModel {
  constructor(private readonly projections: LiveProjections) {}

  /** Waits until every event stored when called is folded: a client reads its own writes. */
  async snapshot(): Promise<OrganisationSnapshot> {
    await this.projections.caughtUp();
    return new OrganisationSnapshot(...this.projections.readTogether(() => this.organisationNow()));
  }

  /** The same, with the procedure catalogue of the same moment: what a reorganisation is decided on. */
  async withCatalogue(): Promise<OrganisationWithCatalogue> {
    await this.projections.caughtUp();
    return this.projections.readTogether(() => {
      const [units, decisions] = this.organisationNow();
      const catalogue = new Map([...this.projections.readModel(procedureCatalogProjection).documents()].map((entry) => [entry.code, entry]));
      return new OrganisationWithCatalogue(units, decisions, catalogue);
    });
  }

  private organisationNow(): [units: Map<string, StreamHistory>, decisions: Map<string, StreamHistory>] {
    const streams = (histories: Iterable<StreamHistory>) => new Map([...histories].map((h) => [h.events[0].streamId, h]));
    return [
      streams(this.projections.readModel(unitHistoriesProjection).documents()),
      streams(this.projections.readModel(reorganisationRecordsProjection).documents()),
    ];
  }
}
