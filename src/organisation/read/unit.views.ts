import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionRef } from '../../core/event-envelope';
import { HistoryEntryView } from '../../procedures/read/procedure.views';
import { UNIT_CATEGORIES, UNIT_LEVELS, UNIT_STATUSES, UnitCategory, UnitLevel, UnitStatus } from '../unit';
import { DecisionRefView } from '../reorganisation.result';
import { Unit } from '../unit.state';

const END_REASONS = ['merger', 'split', 'dissolution', 'level_abolition'] as const;

export class UnitView {
  @ApiProperty({ example: 'so-nn-mt' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
  @ApiProperty({ enum: UNIT_CATEGORIES }) category: UnitCategory;
  @ApiPropertyOptional() parentId?: string;
  @ApiProperty({ enum: UNIT_STATUSES }) status: UnitStatus;
  @ApiProperty({ description: 'Effective date of its establishment' }) since: string;
  @ApiPropertyOptional({ description: 'Effective date it ended, if it has' }) endedOn?: string;
  @ApiPropertyOptional({ enum: END_REASONS }) endReason?: (typeof END_REASONS)[number];
  @ApiProperty({ type: [String], description: 'Units merged into it, or the unit it was split from' }) predecessors: string[];
  @ApiProperty({ type: [String], description: 'The unit it merged into, or the parts it was split into' }) successors: string[];
  @ApiProperty() lastEffectiveDate: string;
  @ApiPropertyOptional({ type: DecisionRefView }) lastDecision?: DecisionRef;
  @ApiProperty({ description: "Revision of the unit's stream now: send it back as expectedRevision" }) revision: number;
  @ApiPropertyOptional({ description: 'The date the view is as of; absent: everything recorded' }) asOf?: string;
}

export class UnitNodeView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
  @ApiProperty({ enum: UNIT_CATEGORIES }) category: UnitCategory;
  @ApiProperty() since: string;
  @ApiProperty({ type: () => [UnitNodeView] }) children: UnitNodeView[];
}

export class UnitTreeView {
  @ApiPropertyOptional() asOf?: string;
  @ApiProperty({ description: 'Active units in the tree' }) count: number;
  @ApiProperty({ type: [UnitNodeView] }) roots: UnitNodeView[];
}

export class LineageMemberView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_STATUSES }) status: UnitStatus;
  @ApiProperty({ description: '1 for a direct predecessor or successor, 2 for theirs, …' }) depth: number;
}

export class LineageLinkView {
  @ApiProperty({ enum: ['merger', 'split'] }) kind: 'merger' | 'split';
  @ApiProperty() effectiveDate: string;
  @ApiPropertyOptional({ type: DecisionRefView }) decision?: DecisionRef;
  @ApiProperty({ type: [String] }) from: string[];
  @ApiProperty({ type: [String] }) to: string[];
}

export class UnitLineageView {
  @ApiProperty() unitId: string;
  @ApiPropertyOptional() asOf?: string;
  @ApiProperty({ type: [LineageMemberView] }) predecessors: LineageMemberView[];
  @ApiProperty({ type: [LineageMemberView] }) successors: LineageMemberView[];
  @ApiProperty({ type: [LineageLinkView], description: 'The mergers and splits that connect them, by effective date' }) links: LineageLinkView[];
}

export class LevelCategoryCountView {
  @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
  @ApiProperty({ enum: UNIT_CATEGORIES }) category: UnitCategory;
  @ApiProperty() count: number;
}

export class UnitCountView {
  @ApiPropertyOptional({ description: 'Absent: everything recorded' }) asOf?: string;
  @ApiProperty({ description: 'Active units' }) total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { province: 124, district: 126, commune: 0 } })
  byLevel: Record<UnitLevel, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byCategory: Record<UnitCategory, number>;
  @ApiProperty({ type: [LevelCategoryCountView] }) byLevelAndCategory: LevelCategoryCountView[];
}

export class UnitCountsView {
  @ApiProperty({ type: [UnitCountView] }) counts: UnitCountView[];
}

export class UnitHistoryView {
  @ApiProperty() unitId: string;
  @ApiProperty({ type: [HistoryEntryView] }) events: HistoryEntryView[];
}

class CountsView {
  @ApiProperty() before: number;
  @ApiProperty() after: number;
  @ApiProperty() change: number;
}

class RegistryCountsView extends CountsView {
  @ApiProperty({ description: 'The day before the decision was signed' }) beforeAsOf: string;
  @ApiProperty({ description: "The summary's effective date" }) afterAsOf: string;
  @ApiProperty({ description: 'Net change made by registry events under the same decision' }) changeUnderDecision: number;
}

export class ReconciliationLineView {
  @ApiProperty({ type: DecisionRefView }) decision: DecisionRef;
  @ApiProperty() effectiveDate: string;
  @ApiPropertyOptional({ enum: UNIT_LEVELS }) level?: UnitLevel;
  @ApiPropertyOptional({ enum: UNIT_CATEGORIES }) category?: UnitCategory;
  @ApiPropertyOptional() source?: string;
  @ApiProperty({ type: CountsView }) published: CountsView;
  @ApiProperty({ type: RegistryCountsView }) registry: RegistryCountsView;
  @ApiProperty({ type: CountsView, description: 'Registry minus published; `change` compares the change under the decision' }) difference: CountsView;
  @ApiProperty({ description: 'True when the registry gives exactly the published counts and change' }) reconciled: boolean;
}

export class ReconciliationView {
  @ApiProperty({ type: [ReconciliationLineView] }) items: ReconciliationLineView[];
}

export function toUnitView(unit: Unit, revision: number, asOf?: string): UnitView {
  const { formedFrom, absorbed, ended, lastDecision, parentId, ...rest } = unit;
  return {
    ...rest,
    ...(parentId !== undefined && { parentId }),
    ...(ended && { endedOn: ended.effectiveDate, endReason: ended.reason }),
    predecessors: [...(formedFrom?.units ?? []), ...absorbed.flatMap((step) => step.units)],
    successors: [...(ended?.into ?? [])],
    ...(lastDecision && { lastDecision }),
    revision,
    ...(asOf !== undefined && { asOf }),
  };
}
