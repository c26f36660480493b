import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerWriter } from '../core/ledger-writer';
import { AbolishLevelHandler } from './abolish-level/abolish-level.command';
import { DissolveUnitHandler } from './dissolve-unit/dissolve-unit.command';
import { EstablishUnitHandler } from './establish-unit/establish-unit.command';
import { MergeUnitsHandler } from './merge-units/merge-units.command';
import { OrganisationReadModel } from './organisation-read-model';
import { GetUnitHandler, GetUnitHistoryHandler } from './read/get-unit.query';
import { ReconciliationHandler } from './read/reconciliation.query';
import { UnitCountsHandler } from './read/unit-counts.query';
import { UnitLineageHandler } from './read/unit-lineage.query';
import { UnitTreeHandler } from './read/unit-tree.query';
import { RecordSummaryHandler } from './record-summary/record-summary.command';
import { RenameUnitHandler } from './rename-unit/rename-unit.command';
import { ReorganisationWriter } from './reorganisation.writer';
import { ReorganisationsController } from './reorganisations.controller';
import { SplitUnitHandler } from './split-unit/split-unit.command';
import { TransferUnitHandler } from './transfer-unit/transfer-unit.command';
import { UnitsController } from './units.controller';

/** Organisational units and their reorganisations, the published counts, and the procedures that follow their units. */
@Module({
  imports: [CqrsModule],
  controllers: [UnitsController, ReorganisationsController],
  providers: [
    LedgerWriter,
    OrganisationReadModel,
    ReorganisationWriter,
    EstablishUnitHandler,
    RenameUnitHandler,
    TransferUnitHandler,
    MergeUnitsHandler,
    SplitUnitHandler,
    DissolveUnitHandler,
    AbolishLevelHandler,
    RecordSummaryHandler,
    GetUnitHandler,
    GetUnitHistoryHandler,
    UnitTreeHandler,
    UnitLineageHandler,
    UnitCountsHandler,
    ReconciliationHandler,
  ],
})
export class OrganisationModule {}
