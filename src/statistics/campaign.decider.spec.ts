import { deciderSpec } from '../../test/support/decider-spec';
import { CampaignCommand, CampaignFact, CampaignState, decideCampaign, evolveCampaign, initialCampaignState, LaunchCampaign } from './campaign.decider';

const spec = deciderSpec<CampaignCommand, CampaignFact, CampaignState>({ decide: decideCampaign, evolve: evolveCampaign, initialState: initialCampaignState });

const launch: LaunchCampaign = {
  type: 'LaunchCampaign',
  effectiveDate: '2022-06-01',
  campaignId: 'chien-dich-92-ngay-dem-2022',
  name: 'Chiến dịch cao điểm 92 ngày đêm',
  unit: 'Bình Phước',
  plan: { number: '170/KH-UBND', date: '2022-06-01', issuer: 'UBND tỉnh Bình Phước' },
  period: { from: '2022-06-01', to: '2022-08-31' },
  deadline: '2022-09-02',
  targets: [
    { key: 'online_processing', label: 'Tỷ lệ hồ sơ xử lý trực tuyến', value: 50, comparison: 'at_least', unit: 'percent' },
    { key: 'overdue_rate', label: 'Không có hồ sơ quá hạn', value: 0, comparison: 'at_most', unit: 'percent' },
  ],
};
const { type: _t, effectiveDate: _e, ...launchedData } = launch;
const launched: CampaignFact = { type: 'CampaignLaunched', data: launchedData, metadata: { effectiveDate: '2022-06-01' } };
const results = (overrides: object = {}): CampaignCommand => ({
  type: 'ReportCampaignResults',
  effectiveDate: '2022-07-29',
  source: '003_defbe2f292ec2941.txt',
  campaignId: launch.campaignId,
  label: '01/6–29/7/2022',
  results: [{ key: 'online_processing', value: 96.9, baseline: 21.6 }],
  ...overrides,
});

describe('campaigns', () => {
  it('launches a campaign with its targets', () => spec.given([]).when(launch).then([{ type: 'CampaignLaunched', data: launchedData }]));

  it('refuses launching it twice, or with a target twice', () => {
    spec.given([launched]).when(launch).thenThrows({ httpStatus: 409, code: 'CAMPAIGN.ALREADY_LAUNCHED' });
    spec.given([]).when({ ...launch, targets: [launch.targets[0], launch.targets[0]] }).thenThrows({ code: 'CAMPAIGN.DUPLICATE_TARGET', details: [expect.objectContaining({ field: 'targets[1].key' })] });
  });

  it('records results against the targets', () =>
    spec.given([launched]).when(results()).then([{ type: 'CampaignResultsReported', data: { campaignId: launch.campaignId, label: '01/6–29/7/2022', results: [{ key: 'online_processing', value: 96.9, baseline: 21.6 }] } }]));

  it('refuses results for an unknown campaign, an unknown target, a date before the start, or twice from one source', () => {
    spec.given([]).when(results()).thenThrows({ httpStatus: 404, code: 'CAMPAIGN.UNKNOWN' });
    spec.given([launched]).when(results({ results: [{ key: 'digitisation', value: 1 }] })).thenThrows({ httpStatus: 422, code: 'CAMPAIGN.UNKNOWN_TARGET', details: [expect.objectContaining({ field: 'results[0].key' })] });
    spec.given([launched]).when(results({ effectiveDate: '2022-05-31' })).thenThrows({ code: 'CAMPAIGN.RESULTS_BEFORE_START' });
    const reported: CampaignFact = { type: 'CampaignResultsReported', data: { campaignId: launch.campaignId, label: 'x', results: [] }, metadata: { effectiveDate: '2022-07-29', source: '003_defbe2f292ec2941.txt' } };
    spec.given([launched, reported]).when(results()).thenThrows({ httpStatus: 409, code: 'CAMPAIGN.RESULTS_ALREADY_RECORDED' });
  });
});
