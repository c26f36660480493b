import { Level } from '../procedures/procedure';
import { CutProcessingTimeRequest } from '../procedures/cut-processing-time/cut-processing-time.request.dto';
import { OpenCatalogueRequest } from '../procedures/open-catalogue/open-catalogue.request.dto';
import { RecordDecisionRequest } from '../procedures/record-decision/record-decision.request.dto';
import { MAX_DAYS, ProcedureAttributesDto } from '../procedures/dto/procedure-attributes.dto';
import { mulberry32, shuffled } from './mulberry32';
import { SYNTHETIC_TARGETS, SyntheticTargetName } from './synthetic-targets';
import { fitTotal, splitByShares } from './totals';

export interface SyntheticOptions {
  readonly procedures: number;
  readonly seed: number;
  readonly match?: SyntheticTargetName;
}

/** Everything a synthetic history consists of, as the requests the service takes, in the order to send them. */
export interface SyntheticPlan {
  readonly label: string;
  readonly openings: readonly OpenCatalogueRequest[];
  readonly decisions: readonly RecordDecisionRequest[];
  readonly cuts: ReadonlyArray<{ readonly code: string; readonly body: CutProcessingTimeRequest }>;
  /** What the catalogue in force adds up to once the plan is recorded, as of `asOf`. */
  readonly expected: {
    readonly asOf: string;
    readonly procedures: number;
    readonly byLevel: Readonly<Record<Level, number>>;
    readonly statutoryDays: number;
    readonly announcedDays: number;
  };
}

export const MAX_SYNTHETIC_PROCEDURES = 50_000;
const MAX_BATCH = 5000;

/** The usual split of a province's procedures by level (1,446 / 244 / 94 of 1,784 in Bình Phước). */
const LEVEL_SHARES: ReadonlyArray<readonly [Level, number]> = [
  ['province', 1446],
  ['district', 244],
  ['commune', 94],
];
/** Longest statutory time drawn, in half days, by level. */
const MAX_HALF_DAYS: Readonly<Record<Level, number>> = { ministry: 120, province: 120, district: 60, commune: 30 };
const FIELDS = ['Đất đai', 'Xây dựng', 'Hộ tịch', 'Chứng thực', 'Đầu tư', 'Giáo dục và Đào tạo', 'Y tế', 'Lao động', 'Giao thông vận tải', 'Công Thương', 'Nông nghiệp', 'Văn hóa'];
const PROVINCE_AGENCIES = ['Sở Tư pháp', 'Sở Xây dựng', 'Sở Tài nguyên và Môi trường', 'Sở Kế hoạch và Đầu tư', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Giao thông vận tải', 'Sở Công Thương'];
const AGENCY_OF_LEVEL: Readonly<Record<Level, string>> = { ministry: 'Bộ', province: '', district: 'UBND cấp huyện', commune: 'UBND cấp xã' };

const OPENED_ON = '2020-12-31';
const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * A deterministic, clearly synthetic catalogue and its history, for demos and benchmarks: opening entries at the end
 * of 2020, a 2021 decision amending some procedures, a 2022 decision announcing, replacing and abolishing others,
 * and processing-time cuts in 2022 and 2023. With `match`, the procedures in force at the target date add up exactly
 * to the published totals by level and in days; the procedures themselves are invented and labelled so.
 */
export function planSyntheticHistory(options: SyntheticOptions): SyntheticPlan {
  const target = options.match && SYNTHETIC_TARGETS[options.match];
  const n = options.procedures;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SYNTHETIC_PROCEDURES) throw new RangeError(`--procedures must be a whole number from 1 to ${MAX_SYNTHETIC_PROCEDURES}`);
  if (target) {
    const needed = Object.values(target.byLevel).reduce((a, b) => a + b, 0);
    if (n !== needed) throw new RangeError(`--match ${options.match} needs --procedures ${needed}`);
  }
  const random = mulberry32(options.seed);
  const tag = `S${options.seed}`;
  const source = `dữ liệu mô phỏng: ledger generate --procedures ${n} --seed ${options.seed}${options.match ? ` --match ${options.match}` : ''}`;
  const issuer = `Dữ liệu mô phỏng (seed ${options.seed}), không phải văn bản thật`;
  const asOf = target?.asOf ?? '2023-06-30';

  // Levels, then statutory and announced days in half days, fitted to the target totals where there are any.
  const counts = target ? (target.byLevel as Partial<Record<Level, number>>) : splitByShares(n, LEVEL_SHARES);
  const levels: Level[] = LEVEL_SHARES.flatMap(([level]) => Array.from({ length: counts[level] ?? 0 }, () => level));
  const drawn = levels.map((level) => 1 + Math.floor(random() * MAX_HALF_DAYS[level]));
  const statutory = target ? fitTotal(drawn, target.statutoryDays * 2, drawn.map(() => 2 * MAX_DAYS), random) : drawn;
  const announcedDrawn = statutory.map((s) => Math.max(1, s - Math.floor(s * random() * 0.6)));
  const announced = target ? fitTotal(announcedDrawn, target.announcedDays * 2, statutory, random) : announcedDrawn;

  const codes = levels.map((_, i) => `SYN${tag}.${String(i + 1).padStart(6, '0')}`);
  const attributes = (i: number): ProcedureAttributesDto => {
    const level = levels[i];
    const field = FIELDS[Math.floor(random() * FIELDS.length)];
    const onlineLevel = random() < 0.6 ? 'fully' : random() < 0.8 ? 'partly' : 'none';
    return {
      name: `Thủ tục mô phỏng ${codes[i]} (${field})`,
      level,
      field,
      agency: level === 'province' ? PROVINCE_AGENCIES[Math.floor(random() * PROVINCE_AGENCIES.length)] : AGENCY_OF_LEVEL[level],
      statutoryDays: statutory[i] / 2,
      announcedDays: announced[i] / 2,
      onlineLevel,
      connectedToNationalPortal: onlineLevel !== 'none' && random() < 0.9,
      interLevel: random() < 0.03,
    };
  };
  const finalAttributes = levels.map((_, i) => attributes(i));

  // Roles: a few procedures arrive by decision in 2022; the rest are opened, some cut later, some amended in 2021.
  const order = shuffled(codes.map((_, i) => i), random);
  const announcedLater = order.slice(0, Math.round(n * 0.03));
  const opened = order.slice(announcedLater.length).sort((a, b) => a - b);
  const cutLater = opened.filter((i) => announced[i] < statutory[i] && random() < 0.5);
  const cutSet = new Set(cutLater);
  const amended = opened.filter(() => random() < 0.05);

  // Procedures that are no longer in force at the target date: opened, then replaced or abolished in 2022.
  const extraCount = Math.max(2, Math.round(n * 0.02));
  const extras = Array.from({ length: extraCount }, (_, k) => {
    const level = LEVEL_SHARES[k % LEVEL_SHARES.length][0];
    const days = 1 + Math.floor(random() * MAX_HALF_DAYS[level]);
    const code = `SYN${tag}.X${String(k + 1).padStart(5, '0')}`;
    const field = FIELDS[k % FIELDS.length];
    const procedure: ProcedureAttributesDto = {
      name: `Thủ tục mô phỏng ${code} (${field}, đã bãi bỏ)`,
      level,
      field,
      agency: level === 'province' ? PROVINCE_AGENCIES[k % PROVINCE_AGENCIES.length] : AGENCY_OF_LEVEL[level],
      statutoryDays: days / 2,
      announcedDays: days / 2,
      onlineLevel: 'partly',
      connectedToNationalPortal: true,
      interLevel: false,
    };
    return { code, procedure };
  });
  const replacements = announcedLater.slice(0, Math.min(2, announcedLater.length)).map((i, k) => ({ i, replaces: extras[k].code }));
  const replacing = new Set(replacements.map((r) => r.i));
  const abolishedExtras = extras.slice(replacements.length);

  const openingEntries = [
    ...opened.map((i) => ({ code: codes[i], procedure: { ...finalAttributes[i], announcedDays: cutSet.has(i) ? finalAttributes[i].statutoryDays : finalAttributes[i].announcedDays } })),
    ...extras,
  ];
  const decision = (serial: number, date: string) => ({ number: `${serial}/QĐ-MP-${tag}`, date, issuer });
  const decisions: RecordDecisionRequest[] = [];
  if (amended.length) {
    decisions.push({
      decision: decision(901, '2021-06-01'),
      title: 'Dữ liệu mô phỏng: sửa đổi, bổ sung thủ tục (không phải quyết định thật)',
      effectiveDate: '2021-06-15',
      source,
      items: amended.map((i) => ({
        kind: 'amended',
        code: codes[i],
        procedure: { ...finalAttributes[i], announcedDays: cutSet.has(i) ? finalAttributes[i].statutoryDays : finalAttributes[i].announcedDays, onlineLevel: 'fully', connectedToNationalPortal: true },
      })),
    });
  }
  decisions.push({
    decision: decision(902, '2022-03-01'),
    title: 'Dữ liệu mô phỏng: công bố mới, thay thế, bãi bỏ thủ tục (không phải quyết định thật)',
    effectiveDate: '2022-03-15',
    source,
    items: [
      ...announcedLater.filter((i) => !replacing.has(i)).map((i) => ({ kind: 'new' as const, code: codes[i], procedure: finalAttributes[i] })),
      ...replacements.map(({ i, replaces }) => ({ kind: 'replaced' as const, code: codes[i], replacesCode: replaces, procedure: finalAttributes[i] })),
      ...abolishedExtras.map(({ code }) => ({ kind: 'abolished' as const, code })),
    ],
  });
  const half = Math.ceil(cutLater.length / 2);
  const cutRef = (k: number) => (k < half ? { decision: decision(903, '2022-06-20'), effectiveDate: '2022-07-01' } : { decision: decision(904, '2023-02-20'), effectiveDate: '2023-03-01' });
  const cuts = cutLater.map((i, k) => ({ code: codes[i], body: { fromDays: statutory[i] / 2, toDays: announced[i] / 2, ...cutRef(k), source } }));

  const byLevel = { ministry: 0, province: 0, district: 0, commune: 0, ...counts } as Record<Level, number>;
  return {
    label: target ? `Dữ liệu mô phỏng khớp tổng số công bố: ${target.label}` : `Dữ liệu mô phỏng: ${n} thủ tục, seed ${options.seed}`,
    openings: chunks(openingEntries, MAX_BATCH).map((procedures) => ({ asOf: OPENED_ON, source, procedures })),
    decisions,
    cuts,
    expected: {
      asOf,
      procedures: n,
      byLevel,
      statutoryDays: statutory.reduce((a, b) => a + b, 0) / 2,
      announcedDays: announced.reduce((a, b) => a + b, 0) / 2,
    },
  };
}
