import { ProcessingTimeFigures } from '../figures';
import { OptionalCount, OptionalDays, OptionalFlag, OptionalPercent } from './figure-fields';

export class ProcessingTimeFiguresDto implements ProcessingTimeFigures {
  @OptionalCount('Procedures the totals cover') procedures?: number;
  @OptionalDays('Statutory processing time summed (thời gian quy định)') statutoryDays?: number;
  @OptionalDays("The province's announced time summed (thời gian công bố)") announcedDays?: number;
  @OptionalDays('Days cut') daysCut?: number;
  @OptionalPercent('Share of the statutory time cut') percentCut?: number;
  @OptionalFlag('True when the source gives the share as a lower bound ("trên 40%")') percentIsLowerBound?: boolean;
}
