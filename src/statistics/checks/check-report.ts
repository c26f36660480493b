import { FiguresOf, ReportKind } from '../report';
import { Finding } from '../findings';
import { checkAmounts } from './amounts.checks';
import { checkCatalogue } from './catalogue.checks';
import { CheckContext } from './check-context';
import { checkDossiers } from './dossier.checks';
import { checkIndexScore } from './index-score.checks';
import { checkOnlineServices } from './online-services.checks';
import { checkProcessingTimes } from './processing-times.checks';

type Check<K extends ReportKind> = (figures: FiguresOf[K], context: CheckContext<K>) => Finding[];

const CHECKS: { readonly [K in ReportKind]: Check<K> } = {
  dossiers: checkDossiers,
  'online-services': checkOnlineServices,
  'index-scores': checkIndexScore,
  payments: checkAmounts,
  savings: checkAmounts,
  'catalogue-counts': checkCatalogue,
  'processing-times': checkProcessingTimes,
};

/** Every check that applies to a report of this kind; pure, so the same report and series give the same findings. */
export const checkReport = <K extends ReportKind>(kind: K, figures: FiguresOf[K], context: CheckContext<K>): Finding[] =>
  (CHECKS[kind] as Check<K>)(figures, context);
