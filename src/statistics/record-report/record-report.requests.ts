import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { AmountFiguresDto } from '../dto/amount-figures.dto';
import { CatalogueFiguresDto } from '../dto/catalogue-figures.dto';
import { DossierFiguresDto } from '../dto/dossier-figures.dto';
import { IndexScoreFiguresDto } from '../dto/index-score-figures.dto';
import { OnlineServiceFiguresDto } from '../dto/online-service-figures.dto';
import { ProcessingTimeFiguresDto } from '../dto/processing-time-figures.dto';
import { ReportHeaderDto } from '../dto/report-header.dto';
import { ReportKind } from '../report';

/** One request class per kind of report: the common header, and the figures of that kind. */
// Listed nearest-the-property first, as decorators apply: a missing `figures` is reported as missing.
const Figures = (type: () => new () => object): PropertyDecorator =>
  applyDecorators(Required(), Type(type), ValidateNested(), ApiProperty({ type: type(), description: 'The figures as the source states them' }));

export class RecordDossierStatisticsRequest extends ReportHeaderDto {
  @Figures(() => DossierFiguresDto) figures: DossierFiguresDto;
}

export class RecordOnlineServicesRequest extends ReportHeaderDto {
  @Figures(() => OnlineServiceFiguresDto) figures: OnlineServiceFiguresDto;
}

export class RecordIndexScoreRequest extends ReportHeaderDto {
  @Figures(() => IndexScoreFiguresDto) figures: IndexScoreFiguresDto;
}

export class RecordAmountsRequest extends ReportHeaderDto {
  @Figures(() => AmountFiguresDto) figures: AmountFiguresDto;
}

export class RecordCatalogueCountsRequest extends ReportHeaderDto {
  @Figures(() => CatalogueFiguresDto) figures: CatalogueFiguresDto;
}

export class RecordProcessingTimesRequest extends ReportHeaderDto {
  @Figures(() => ProcessingTimeFiguresDto) figures: ProcessingTimeFiguresDto;
}

export type ReportRequest = ReportHeaderDto & { readonly figures: object };

/** The request class that validates each kind, for the routes and for anything else that records reports. */
export const REPORT_REQUEST_TYPES: Readonly<Record<ReportKind, new () => ReportRequest>> = {
  dossiers: RecordDossierStatisticsRequest,
  'online-services': RecordOnlineServicesRequest,
  'index-scores': RecordIndexScoreRequest,
  payments: RecordAmountsRequest,
  savings: RecordAmountsRequest,
  'catalogue-counts': RecordCatalogueCountsRequest,
  'processing-times': RecordProcessingTimesRequest,
};
