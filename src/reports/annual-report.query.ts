import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditEntryView, AuditTrailQuery, AuditTrailRequest } from '../audit/audit-trail.query';
import { DecisionRef } from '../core/event-envelope';
import { NormalizedText, textKey } from '../core/http/validation-rules';
import { sha256Hex } from '../core/stable-json';
import { ReconciliationQuery } from '../organisation/read/reconciliation.query';
import { ReconciliationView, UnitCountsView } from '../organisation/read/unit.views';
import { UnitCountsQuery } from '../organisation/read/unit-counts.query';
import { ReorganisationRecorded } from '../organisation/reorganisation';
import { Level } from '../procedures/procedure';
import { DecisionRecorded } from '../procedures/decision/decision';
import { CutReductionsQuery, InForceReductionsQuery, ReductionsView } from '../procedures/reductions/reductions.query';
import { CampaignListView } from '../statistics/read/campaign.views';
import { FindingListView, ReportListView, ReportView } from '../statistics/read/report.views';
import { ListCampaignsQuery, ListFindingsQuery, ListReportsQuery } from '../statistics/read/statistics.queries';
import { ReportKind } from '../statistics/report';
import { GENERATOR_ACTOR } from '../synthetic/run-synthetic';
import { AnnualReport, DecisionChanges, OrganisationSection, ProcedureSection, ProcessingTimeSection, UnitCountsAt } from './annual-report';
import { changesByKind, dossierLine, indexLines, publishedProcessingTimes, zeroByLevel } from './report-lines';

export const REPORT_FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class AnnualReportRequest {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
  @ApiPropertyOptional({ description: 'Only the statistics reported by this unit (province or agency); the catalogue and registry stay whole', example: 'Bình Phước' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(300)
  unit?: string;
}

export class AnnualReportQuery extends Query<AnnualReport> {
  constructor(
    readonly year: number,
    readonly unit?: string,
  ) {
    super();
  }
}

const dayBefore = (year: number): string => `${year - 1}-12-31`;

/**
 * Builds the annual report by asking the ledger's own queries for the year, as of its last day: the catalogue and its
 * reductions, the audit trail of decisions and procedure events, the registry and its published counts, and the
 * statistics with their findings. Nothing is folded here that a query already folds.
 */
@QueryHandler(AnnualReportQuery)
export class AnnualReportHandler implements IQueryHandler<AnnualReportQuery, AnnualReport> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ year, unit }: AnnualReportQuery): Promise<AnnualReport> {
    const asOf = `${year}-12-31`;
    const inYear = { effectiveFrom: `${year}-01-01`, effectiveTo: asOf };
    const reports = async (kind: ReportKind): Promise<ReportView[]> =>
      (await this.queries.execute<ListReportsQuery, ReportListView>(new ListReportsQuery({ year, kind, ...(unit && { unit }) }))).items;

    const basis = await this.trail({ effectiveTo: asOf });
    const indexSeries = (await this.queries.execute<ListReportsQuery, ReportListView>(new ListReportsQuery({ to: asOf, kind: 'index-scores', ...(unit && { unit }) }))).items;
    const findings = await this.queries.execute<ListFindingsQuery, FindingListView>(new ListFindingsQuery({ year, ...(unit && { unit }) }));
    const campaigns = await this.queries.execute<ListCampaignsQuery, CampaignListView>(new ListCampaignsQuery(asOf));
    const inForce = await this.queries.execute<InForceReductionsQuery, ReductionsView>(new InForceReductionsQuery({ asOf, by: 'level' }));
    const report: Omit<AnnualReport, 'sources'> = {
      year,
      ...(unit && { unit }),
      asOf,
      basis: {
        eventsConsidered: basis.length,
        digest: sha256Hex(basis.map((e) => e.eventId).join('\n')),
        syntheticEvents: basis.filter((e) => e.metadata.actor === GENERATOR_ACTOR).length,
      },
      procedures: await this.procedures(year, asOf, inYear, inForce, await reports('catalogue-counts')),
      processingTimes: await this.processingTimes(year, asOf, inForce, await reports('processing-times')),
      organisation: await this.organisation(year, asOf, inYear),
      dossiers: (await reports('dossiers')).map(dossierLine),
      onlineServices: await reports('online-services'),
      indices: indexLines(await reports('index-scores'), indexSeries),
      campaigns: campaigns.items.filter((c) => c.period.from <= asOf && c.period.to >= `${year}-01-01` && (!unit || textKey(c.unit) === textKey(unit))),
      payments: await reports('payments'),
      savings: await reports('savings'),
      findings: findings.items,
    };
    return { ...report, sources: sourcesOf(report) };
  }

  private async procedures(year: number, asOf: string, inYear: AuditTrailRequest, inForce: ReductionsView, published: ReportView[]): Promise<ProcedureSection> {
    const byLevel = zeroByLevel();
    for (const group of inForce.groups) byLevel[group.key as Level] = group.count;
    const procedureEvents = await this.trail({ ...inYear, entityType: 'procedure' });
    const decisions = await this.trail({ ...inYear, entityType: 'decision', type: 'DecisionRecorded' });
    const cuts = await this.queries.execute<CutReductionsQuery, ReductionsView>(new CutReductionsQuery({ from: `${year}-01-01`, to: asOf, by: 'decision' }));
    return {
      inForce: { total: inForce.total.count, byLevel },
      changesByKind: changesByKind(procedureEvents.map((e) => e.type)),
      byDecision: decisionChanges(decisions, cuts, procedureEvents),
      published,
    };
  }

  private async processingTimes(year: number, asOf: string, inForce: ReductionsView, published: ReportView[]): Promise<ProcessingTimeSection> {
    const cuts = await this.queries.execute<CutReductionsQuery, ReductionsView>(new CutReductionsQuery({ from: `${year}-01-01`, to: asOf }));
    return { inForceByLevel: inForce.groups, inForceTotal: inForce.total, cutsInYear: cuts.total, published: published.map(publishedProcessingTimes) };
  }

  private async organisation(year: number, asOf: string, inYear: AuditTrailRequest): Promise<OrganisationSection> {
    const { counts } = await this.queries.execute<UnitCountsQuery, UnitCountsView>(new UnitCountsQuery([dayBefore(year), asOf]));
    const at = (i: number): UnitCountsAt => ({ asOf: counts[i].asOf!, total: counts[i].total, byLevel: counts[i].byLevel });
    const records = await this.trail({ ...inYear, entityType: 'reorganisation', type: 'ReorganisationRecorded' });
    const { items } = await this.queries.execute<ReconciliationQuery, ReconciliationView>(new ReconciliationQuery());
    return {
      start: at(0),
      end: at(1),
      reorganisations: records.map((entry) => {
        const data = entry.data as ReorganisationRecorded['data'];
        return { kind: data.kind, decision: entry.metadata.decision as DecisionRef, effectiveDate: entry.metadata.effectiveDate as string, units: data.units.length, procedures: data.procedures.length };
      }),
      published: items
        .filter((line) => line.effectiveDate >= `${year}-01-01` && line.effectiveDate <= asOf)
        .map((line) => ({
          decision: line.decision,
          effectiveDate: line.effectiveDate,
          ...(line.level && { level: line.level }),
          ...(line.category && { category: line.category }),
          ...(line.source && { source: line.source }),
          before: line.published.before,
          after: line.published.after,
          registryBefore: line.registry.before,
          registryAfter: line.registry.after,
          reconciled: line.reconciled,
        })),
    };
  }

  /** Every audit-trail entry a filter selects, page after page, in log order. */
  private async trail(request: AuditTrailRequest): Promise<AuditEntryView[]> {
    const entries: AuditEntryView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.queries.execute(new AuditTrailQuery({ ...request, limit: 1000, ...(cursor && { cursor }) }));
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }
}

/** Each decision recorded in the year with its items by kind, and the cuts made under it in the year. */
function decisionChanges(decisions: readonly AuditEntryView[], cuts: ReductionsView, procedureEvents: readonly AuditEntryView[]): DecisionChanges[] {
  const lines: DecisionChanges[] = decisions.map((entry) => {
    const { number, date, issuer, title, effectiveDate, items } = entry.data as DecisionRecorded['data'];
    const count = (kind: string) => items.filter((item) => item.kind === kind).length;
    const cut = cuts.groups.find((g) => g.key === number);
    return {
      decision: { number, date, issuer },
      ...(title && { title }),
      effectiveDate,
      new: count('new'),
      amended: count('amended'),
      replaced: count('replaced'),
      abolished: count('abolished'),
      cuts: cut?.count ?? 0,
      daysCut: cut?.daysCut ?? 0,
    };
  });
  // Cuts under decisions that announced nothing (a decision cutting times only) get a line of their own, named by
  // the decision their events cite; the sums come from the cuts read model, which applies corrections.
  const announced = new Set(lines.map((l) => l.decision.number));
  const cutEvents = procedureEvents.filter((e) => e.type === 'ProcessingTimeCut' && e.metadata.decision);
  const cutOnly = cuts.groups
    .filter((g) => !announced.has(g.key))
    .map((g) => {
      const first = cutEvents.find((e) => (e.metadata.decision as DecisionRef).number === g.key);
      const decision = (first?.metadata.decision as DecisionRef | undefined) ?? { number: g.key, date: '', issuer: '' };
      return { decision, effectiveDate: (first?.metadata.effectiveDate as string | undefined) ?? '', new: 0, amended: 0, replaced: 0, abolished: 0, cuts: g.count, daysCut: g.daysCut };
    });
  return [...lines, ...cutOnly];
}

function sourcesOf(report: Omit<AnnualReport, 'sources'>): string[] {
  const views: ReportView[] = [
    ...report.procedures.published,
    ...report.processingTimes.published.map((p) => p.report),
    ...report.dossiers.map((d) => d.report),
    ...report.onlineServices,
    ...report.indices.map((i) => i.report),
    ...report.payments,
    ...report.savings,
  ];
  const cited = [
    ...views.map((v) => v.source),
    ...report.organisation.published.map((p) => p.source),
    ...report.campaigns.flatMap((c) => [c.source, ...c.targets.map((t) => t.resultSource)]),
  ];
  return [...new Set(cited.filter((s): s is string => s !== undefined))].sort();
}
