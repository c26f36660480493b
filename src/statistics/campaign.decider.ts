import { BusinessRuleError, ConflictError, NotFoundError } from '../core/errors/ledger-errors';
import { CampaignEvent, CampaignLaunched, CampaignResult, CampaignResultsReported } from './campaign';

export type LaunchCampaign = { readonly type: 'LaunchCampaign'; readonly effectiveDate: string } & CampaignLaunched['data'];
export type ReportCampaignResults = { readonly type: 'ReportCampaignResults'; readonly effectiveDate: string; readonly source: string } & CampaignResultsReported['data'];
export type CampaignCommand = LaunchCampaign | ReportCampaignResults;

/** A campaign as its stream folds: the launch, and each results report with its date and source. */
export interface CampaignState {
  readonly launched?: CampaignLaunched['data'];
  readonly results: ReadonlyArray<{ readonly effectiveDate: string; readonly source?: string; readonly data: CampaignResultsReported['data'] }>;
}

export const initialCampaignState: CampaignState = { results: [] };

export type CampaignFact = CampaignEvent & { readonly metadata: { readonly effectiveDate: string; readonly source?: string } };

export function evolveCampaign(state: CampaignState, event: CampaignFact): CampaignState {
  switch (event.type) {
    case 'CampaignLaunched':
      return { ...state, launched: event.data };
    case 'CampaignResultsReported':
      return { ...state, results: [...state.results, { effectiveDate: event.metadata.effectiveDate, ...(event.metadata.source && { source: event.metadata.source }), data: event.data }] };
  }
}

export function decideCampaign(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'LaunchCampaign': {
      const { type: _type, effectiveDate: _date, ...data } = command;
      if (state.launched) {
        throw new ConflictError('CAMPAIGN.ALREADY_LAUNCHED', `campaign ${command.campaignId} is already recorded`, `chiến dịch ${command.campaignId} đã có trong sổ`, [
          { field: 'campaignId', rule: 'CAMPAIGN.ALREADY_LAUNCHED', message: 'already recorded' },
        ]);
      }
      if (command.period.from > command.period.to) {
        throw new BusinessRuleError('CAMPAIGN.PERIOD_REVERSED', `period.from (${command.period.from}) is after period.to (${command.period.to})`, 'thời gian chiến dịch bắt đầu sau khi kết thúc', 'period.from');
      }
      requireUniqueKeys(command.targets.map((t) => t.key), 'targets', 'CAMPAIGN.DUPLICATE_TARGET');
      return [{ type: 'CampaignLaunched', data }];
    }
    case 'ReportCampaignResults': {
      const { type: _type, effectiveDate, source, ...data } = command;
      const launched = state.launched;
      if (!launched) {
        throw new NotFoundError('CAMPAIGN.UNKNOWN', `no campaign ${command.campaignId} is recorded`, `chưa có chiến dịch ${command.campaignId} trong sổ`, [
          { field: 'campaignId', rule: 'CAMPAIGN.UNKNOWN', message: `no campaign ${command.campaignId}` },
        ]);
      }
      if (effectiveDate < launched.period.from) {
        throw new BusinessRuleError('CAMPAIGN.RESULTS_BEFORE_START', `asOf (${effectiveDate}) is before the campaign starts (${launched.period.from})`, `ngày số liệu (${effectiveDate}) trước khi chiến dịch bắt đầu (${launched.period.from})`, 'asOf');
      }
      if (state.results.some((r) => r.effectiveDate === effectiveDate && r.source === source)) {
        throw new ConflictError('CAMPAIGN.RESULTS_ALREADY_RECORDED', `results of ${command.campaignId} as of ${effectiveDate} from ${source} are already recorded`, `kết quả chiến dịch ngày ${effectiveDate} theo nguồn ${source} đã có trong sổ`, [
          { field: 'asOf', rule: 'CAMPAIGN.RESULTS_ALREADY_RECORDED', message: 'already recorded from this source' },
        ]);
      }
      requireUniqueKeys(command.results.map((r) => r.key), 'results', 'CAMPAIGN.DUPLICATE_RESULT');
      command.results.forEach((result: CampaignResult, index) => {
        if (!launched.targets.some((t) => t.key === result.key)) {
          throw new BusinessRuleError('CAMPAIGN.UNKNOWN_TARGET', `results[${index}].key: the campaign has no target "${result.key}"`, `mục ${index + 1}: chiến dịch không có chỉ tiêu "${result.key}"`, `results[${index}].key`);
        }
      });
      return [{ type: 'CampaignResultsReported', data }];
    }
  }
}

function requireUniqueKeys(keys: readonly string[], collection: string, code: string): void {
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) {
      throw new BusinessRuleError(code, `${collection}[${index}].key: "${key}" appears twice`, `mục ${index + 1}: "${key}" xuất hiện hai lần`, `${collection}[${index}].key`);
    }
  });
}
