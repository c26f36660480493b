import { DecisionRef } from '../core/event-envelope';
import { NewUnit, UnitAttributes, UnitCategory, UnitLevel } from './unit';

/** Every reorganisation is ordered by a decision and takes effect on a date. */
export interface ReorganisationFacts {
  readonly decision: DecisionRef;
  readonly effectiveDate: string;
}

/** An existing unit to merge into, or, with `establish`, a new one the merger creates. */
export interface MergeTarget {
  readonly unitId: string;
  readonly establish?: UnitAttributes;
}

/** A unit a split creates; level, category and parent default to those of the unit split. */
export interface SplitPart {
  readonly unitId: string;
  readonly name: string;
  readonly level?: UnitLevel;
  readonly category?: UnitCategory;
  readonly parentId?: string;
}

/** A unit that survives the abolition of a level: moved to another level, or under another parent, or both. */
export interface LevelTransfer {
  readonly unitId: string;
  readonly level?: UnitLevel;
  readonly parentId?: string;
}

export type UnitCommand = ReorganisationFacts &
  (
    | { readonly type: 'EstablishUnit'; readonly unit: NewUnit }
    | { readonly type: 'RenameUnit'; readonly unitId: string; readonly name: string }
    | { readonly type: 'TransferUnit'; readonly unitId: string; readonly parentId?: string; readonly level?: UnitLevel }
    | { readonly type: 'MergeUnits'; readonly unitIds: readonly string[]; readonly into: MergeTarget }
    | { readonly type: 'SplitUnit'; readonly unitId: string; readonly parts: readonly SplitPart[]; readonly proceduresTo?: string }
    | { readonly type: 'DissolveUnit'; readonly unitId: string }
    | {
        readonly type: 'AbolishLevel';
        readonly level: UnitLevel;
        readonly transfers: readonly LevelTransfer[];
        /** Where the procedures of the level go when no surviving unit takes them; without it they are orphaned. */
        readonly proceduresTo?: { readonly level: UnitLevel; readonly agency?: string };
      }
  );
