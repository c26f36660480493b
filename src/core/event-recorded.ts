import { IEvent } from '@nestjs/cqrs';
import { RecordedEvent } from './event-envelope';

/** What the @nestjs/cqrs EventBus carries: an event that is already durably stored, with its position. */
export class EventRecorded implements IEvent {
  constructor(readonly event: RecordedEvent) {}
}
