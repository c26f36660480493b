import { createHash } from 'node:crypto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditEntriesQuery, AuditEntryView, AuditFieldsQuery, AuditTrailRequest } from '../audit/audit-trail.query';
import { DocumentFields } from '../core/projection/read-store';
import { DecisionRef } from '../core/event-envelope';
import { NormalizedText, textKey } from '../core/http/validation-rules';
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
import { AnnualReport, DecisionChanges, OrganisationSection, ProcedureSection, ProcessingTimeSection, ReorganisationLine, UnitCountsAt } from './annual-report';
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

    const basis = await this.basis(asOf);
    const indexSeries = (await this.queries.execute<ListReportsQuery, ReportListView>(new ListReportsQuery({ to: asOf, kind: 'index-scores', ...(unit && { unit }) }))).items;
    const findings = await this.queries.execute<ListFindingsQuery, FindingListView>(new ListFindingsQuery({ year, ...(unit && { unit }) }));
    const campaigns = await this.queries.execute<ListCampaignsQuery, CampaignListView>(new ListCampaignsQuery(asOf));
    const inForce = await this.queries.execute<InForceReductionsQuery, ReductionsView>(new InForceReductionsQuery({ asOf, by: 'level' }));
    // Grouped by decision for the procedures section; its total, the same whatever the grouping, serves the
    // processing-time section: the cuts of a year are read once, not twice.
    const cuts = await this.queries.execute<CutReductionsQuery, ReductionsView>(new CutReductionsQuery({ from: `${year}-01-01`, to: asOf, by: 'decision' }));
    const report: Omit<AnnualReport, 'sources'> = {
      year,
      ...(unit && { unit }),
      asOf,
      basis,
      procedures: await this.procedures(inYear, inForce, cuts, await reports('catalogue-counts')),
      processingTimes: processingTimes(inForce, cuts, await reports('processing-times')),
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

  private async procedures(inYear: AuditTrailRequest, inForce: ReductionsView, cuts: ReductionsView, published: ReportView[]): Promise<ProcedureSection> {
    const byLevel = zeroByLevel();
    for (const group of inForce.groups) byLevel[group.key as Level] = group.count;
    const types: string[] = [];
    await this.eachFields({ ...inYear, entityType: 'procedure' }, { type: 'type' }, ({ type }) => types.push(String(type)));
    const announced: DecisionChanges[] = [];
    await this.eachEntry({ ...inYear, entityType: 'decision', type: 'DecisionRecorded' }, (entry) => announced.push(announcedChanges(entry)));
    const numbers = new Set(announced.map((line) => line.decision.number));
    // A decision that only cut times is named by the decision its first cut event cites: one entry read for each.
    const citedByCuts = new Map<string, { decision: DecisionRef; effectiveDate: string }>();
    for (const { key: number } of cuts.groups.filter((group) => !numbers.has(group.key))) {
      const request = { ...inYear, entityType: 'procedure', type: 'ProcessingTimeCut', decision: number, limit: 1 };
      const [first] = (await this.queries.execute(new AuditEntriesQuery(request))).items;
      if (first?.metadata.decision) citedByCuts.set(number, { decision: first.metadata.decision, effectiveDate: first.metadata.effectiveDate });
    }
    return {
      inForce: { total: inForce.total.count, byLevel },
      changesByKind: changesByKind(types),
      byDecision: withCuts(announced, cuts, citedByCuts),
      published,
    };
  }

  private async organisation(year: number, asOf: string, inYear: AuditTrailRequest): Promise<OrganisationSection> {
    const { counts } = await this.queries.execute<UnitCountsQuery, UnitCountsView>(new UnitCountsQuery([dayBefore(year), asOf]));
    const at = (i: number): UnitCountsAt => ({ asOf: counts[i].asOf!, total: counts[i].total, byLevel: counts[i].byLevel });
    const reorganisations: ReorganisationLine[] = [];
    await this.eachEntry({ ...inYear, entityType: 'reorganisation', type: 'ReorganisationRecorded' }, (entry) => {
      const data = entry.data as ReorganisationRecorded['data'];
      reorganisations.push({ kind: data.kind, decision: entry.metadata.decision as DecisionRef, effectiveDate: entry.metadata.effectiveDate, units: data.units.length, procedures: data.procedures.length });
    });
    const { items } = await this.queries.execute<ReconciliationQuery, ReconciliationView>(new ReconciliationQuery());
    return {
      start: at(0),
      end: at(1),
      reorganisations,
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

  /**
   * What the report stands on: every event effective by the end of the year, counted and digested one page at a time,
   * so that the report's memory does not grow with the log.
   */
  private async basis(asOf: string): Promise<AnnualReport['basis']> {
    const digest = createHash('sha256');
    let eventsConsidered = 0;
    let syntheticEvents = 0;
    await this.eachFields({ effectiveTo: asOf }, { eventId: '$.eventId', actor: 'actor' }, ({ eventId, actor }) => {
      // The ids in log order, one per line: the digest an inspector can recompute from the audit trail.
      digest.update(eventsConsidered === 0 ? String(eventId) : `\n${eventId}`);
      eventsConsidered++;
      if (actor === GENERATOR_ACTOR) syntheticEvents++;
    });
    return { eventsConsidered, digest: digest.digest('hex'), syntheticEvents };
  }

  /** Visits every audit-trail entry a filter selects, page after page, in log order, keeping none of them. */
  private async eachEntry(request: AuditTrailRequest, visit: (entry: AuditEntryView) => void): Promise<void> {
    await eachPage((cursor) => this.queries.execute(new AuditEntriesQuery({ ...request, limit: 1000, ...(cursor && { cursor }) })), visit);
  }

  /** Like `eachEntry`, only the fields named, where a section reads a few fields of most of the log. */
  private async eachFields<Name extends string>(
    request: AuditTrailRequest,
    fields: Readonly<Record<Name, string>>,
    visit: (values: DocumentFields<Name>) => void,
  ): Promise<void> {
    await eachPage((cursor) => this.queries.execute(new AuditFieldsQuery({ ...request, limit: 1000, ...(cursor && { cursor }) }, fields)), visit);
  }
}

/** Reads pages from the start until one says no other follows, visiting each item as it comes. */
async function eachPage<Item>(read: (cursor?: string) => Promise<{ items: Item[]; nextCursor?: string }>, visit: (item: Item) => void): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    page.items.forEach(visit);
    cursor = page.nextCursor;
  } while (cursor);
}

function processingTimes(inForce: ReductionsView, cutsInYear: ReductionsView, published: ReportView[]): ProcessingTimeSection {
  return { inForceByLevel: inForce.groups, inForceTotal: inForce.total, cutsInYear: cutsInYear.total, published: published.map(publishedProcessingTimes) };
}

/** A decision recorded in the year, with its items by kind; its cuts are added by `withCuts`. */
function announcedChanges(entry: AuditEntryView): DecisionChanges {
  const { number, date, issuer, title, effectiveDate, items } = entry.data as DecisionRecorded['data'];
  const count = (kind: string) => items.filter((item) => item.kind === kind).length;
  return {
    decision: { number, date, issuer },
    ...(title && { title }),
    effectiveDate,
    new: count('new'),
    amended: count('amended'),
    replaced: count('replaced'),
    abolished: count('abolished'),
    cuts: 0,
    daysCut: 0,
  };
}

/**
 * The cuts made in the year, under each decision. Cuts under decisions that announced nothing (a decision cutting times
 * only) get a line of their own, named by the decision their events cite; the sums come from the cuts read model,
 * which applies corrections.
 */
function withCuts(
  announced: readonly DecisionChanges[],
  cuts: ReductionsView,
  citedByCuts: ReadonlyMap<string, { decision: DecisionRef; effectiveDate: string }>,
): DecisionChanges[] {
  const byNumber = new Map(cuts.groups.map((g) => [g.key, g]));
  const lines = announced.map((line) => {
    const cut = byNumber.get(line.decision.number);
    return { ...line, cuts: cut?.count ?? 0, daysCut: cut?.daysCut ?? 0 };
  });
  const numbers = new Set(lines.map((l) => l.decision.number));
  const cutOnly = cuts.groups
    .filter((g) => !numbers.has(g.key))
    .map((g) => {
      const cited = citedByCuts.get(g.key);
      return { decision: cited?.decision ?? { number: g.key, date: '', issuer: '' }, effectiveDate: cited?.effectiveDate ?? '', new: 0, amended: 0, replaced: 0, abolished: 0, cuts: g.count, daysCut: g.daysCut };
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
