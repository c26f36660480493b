import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { filter, map, Observable } from 'rxjs';
import { EventRecorded } from '../../core/event-recorded';
import { isAppliedLater } from '../decision/decision-application';
import { ApplyDecisionCommand } from './apply-decision.command';

/** As soon as a decision recorded ahead of its items is stored, have its items applied. */
@Injectable()
export class DecisionApplicationSaga {
  @Saga()
  decisionRecorded = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(EventRecorded),
      filter(({ event }) => isAppliedLater(event)),
      map(({ event }) => new ApplyDecisionCommand(event.streamId)),
    );
}
