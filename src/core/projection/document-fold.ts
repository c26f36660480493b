import { applyCorrections } from '../corrections';
import { RecordedEvent } from '../event-envelope';
import { ALL_EVENTS, AnyProjection } from './document-projection';

/** Whether a projection folds events of a type. */
export function accepter(projection: AnyProjection): (type: string) => boolean {
  if (projection.handles === ALL_EVENTS) return () => true;
  const types = new Set(projection.handles);
  return (type) => types.has(type);
}

/**
 * A whole-stream document after a correction: the stream up to the correction (read from the log, the correction
 * included) folded again with every correction applied, then the correction itself folded last, for a projection
 * that also folds it (to move a revision, say). `undefined` when the stream has nothing the projection folds.
 */
export function refolded(
  projection: AnyProjection,
  accepts: (type: string) => boolean,
  streamUpToCorrection: readonly RecordedEvent[],
  correction: RecordedEvent,
): { readonly id: string; readonly document: unknown } | undefined {
  let id: string | undefined;
  let document: unknown;
  for (const event of applyCorrections(streamUpToCorrection)) {
    if (!accepts(event.type)) continue;
    id ??= projection.documentId(event);
    document = projection.evolve(document, event);
  }
  if (id === undefined) return undefined;
  if (accepts(correction.type)) document = projection.evolve(document, correction);
  return { id, document };
}
