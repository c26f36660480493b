import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerWriter } from '../core/ledger-writer';
import { ApplyDecisionHandler } from './apply-decision/apply-decision.command';
import { DecisionApplicationSaga } from './apply-decision/decision-application.saga';
import { UnfinishedDecisions } from './apply-decision/unfinished-decisions';
import { CutProcessingTimeHandler } from './cut-processing-time/cut-processing-time.command';
import { DecisionsController } from './decisions.controller';
import { OpenCatalogueHandler } from './open-catalogue/open-catalogue.command';
import { ProceduresController } from './procedures.controller';
import { GetDecisionHandler } from './read/get-decision.query';
import { GetProcedureHandler, GetProcedureHistoryHandler } from './read/get-procedure.query';
import { ListProceduresHandler } from './read/list-procedures.query';
import { ProcedureChangesHandler } from './read/procedure-changes.query';
import { ProcedureTimeline } from './read/procedure-timeline';
import { CorrectEventHandler } from './correct-event/correct-event.command';
import { ReductionsController } from './reductions/reductions.controller';
import { CutReductionsHandler, InForceReductionsHandler } from './reductions/reductions.query';
import { decisionWriterProvider } from './record-decision/decision-writers';
import { RecordDecisionHandler } from './record-decision/record-decision.command';

/** Administrative procedures: decisions announcing them, opening entries, processing-time cuts, and their reads. */
@Module({
  imports: [CqrsModule],
  controllers: [DecisionsController, ProceduresController, ReductionsController],
  providers: [
    LedgerWriter,
    RecordDecisionHandler,
    decisionWriterProvider,
    ApplyDecisionHandler,
    DecisionApplicationSaga,
    UnfinishedDecisions,
    OpenCatalogueHandler,
    CutProcessingTimeHandler,
    GetProcedureHandler,
    GetProcedureHistoryHandler,
    GetDecisionHandler,
    ListProceduresHandler,
    ProcedureTimeline,
    ProcedureChangesHandler,
    CorrectEventHandler,
    InForceReductionsHandler,
    CutReductionsHandler,
  ],
})
export class ProceduresModule {}
