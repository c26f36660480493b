import { Level } from '../procedures/procedure';

/**
 * The figures of each kind of report, every one optional: a source states what it states, and the ledger keeps
 * exactly that. Fields ending in `Percent` are percentages as the source states them (0–100), never computed here.
 */

/** Dossiers (hồ sơ) in a period: received = new + carried over; received = resolved + pending. */
export interface DossierFigures {
  readonly receivedNew?: number;
  /** Carried over from the previous period (kỳ trước chuyển sang). */
  readonly carriedOver?: number;
  readonly received?: number;
  readonly resolved?: number;
  readonly resolvedOnTime?: number;
  readonly resolvedLate?: number;
  /** Resolved on time, as a share of resolved. */
  readonly onTimePercent?: number;
  /** Resolved late, as a share of resolved. */
  readonly latePercent?: number;
  readonly pending?: number;
  /** Pending and already past the deadline. */
  readonly pendingOverdue?: number;
}

export interface Rank {
  readonly rank: number;
  readonly of: number;
}

/** Online public services (dịch vụ công trực tuyến) and their use. */
export interface OnlineServiceFigures {
  /** Every public service (procedure) the unit provides. */
  readonly servicesTotal?: number;
  readonly fullyOnline?: number;
  readonly partlyOnline?: number;
  /** Fully plus partly online (before Decree 42/2022: online levels 3 and 4). */
  readonly onlineTotal?: number;
  /** onlineTotal as a share of servicesTotal. */
  readonly onlinePercent?: number;
  readonly connectedToPortal?: number;
  /** connectedToPortal as a share of the online services (of every service where no online count is given). */
  readonly connectedPercent?: number;
  readonly portalRank?: Rank;
  /** Online services that received at least one dossier. */
  readonly servicesWithDossiers?: number;
  /** servicesWithDossiers as a share of the online services (of every service where no online count is given). */
  readonly servicesWithDossiersPercent?: number;
  /** Dossiers processed online, as a share of all dossiers. */
  readonly processedOnlinePercent?: number;
  /** Dossiers received electronically, as a share of all dossiers. */
  readonly receivedOnlinePercent?: number;
  /** Dossiers and results digitised, as a share. */
  readonly digitisationPercent?: number;
}

export const INDICES = ['PAR_INDEX', 'SIPAS', 'PAPI', 'SERVICE_INDEX_766'] as const;
export type IndexName = (typeof INDICES)[number];

export const RATINGS = ['good', 'fair', 'average', 'weak'] as const;
export type Rating = (typeof RATINGS)[number];

/** How many assessed units fall in each rating band (tốt, khá, trung bình, yếu). */
export interface RatingCounts {
  readonly ofUnits: number;
  readonly good?: number;
  readonly fair?: number;
  readonly average?: number;
  readonly weak?: number;
}

/** A component of an index: a SIPAS sub-index, a PAPI dimension, one of the six groups of Decision 766. */
export interface IndexGroup {
  readonly key: string;
  readonly label: string;
  readonly score?: number;
  readonly maxScore?: number;
  readonly rank?: Rank;
}

export interface IndexScoreFigures {
  readonly index: IndexName;
  readonly score?: number;
  readonly maxScore?: number;
  readonly rank?: Rank;
  /** The previous score, where the source states it beside this one. */
  readonly previousScore?: number;
  /** The change from the previous score as the source states it ("tăng 3,71%"). */
  readonly statedChange?: number;
  readonly ratings?: RatingCounts;
  readonly groups?: readonly IndexGroup[];
}

/** Money and transactions with their parts: online payments, or savings. Amounts in billions of đồng (tỷ đồng). */
export interface AmountPart {
  readonly label: string;
  readonly transactions?: number;
  readonly amountBillionVnd?: number;
}

export interface AmountFigures {
  /** The date counting starts, where it is not the period's start (e.g. payments since 15/12/2020). */
  readonly since?: string;
  readonly transactions?: number;
  readonly amountBillionVnd?: number;
  readonly parts?: readonly AmountPart[];
}

export type LevelCounts = Partial<Record<Level, number>>;

export interface CountOf {
  readonly count: number;
  readonly of?: number;
  readonly percent?: number;
}

/** Counts the province publishes about its catalogue of procedures, without the procedures themselves. */
export interface CatalogueFigures {
  readonly procedures?: number;
  readonly byLevel?: LevelCounts;
  /** Procedures of vertically managed sectors (ngành dọc), by level. */
  readonly verticalSectorByLevel?: LevelCounts;
  readonly interLevel?: number;
  readonly fields?: number;
  /** Procedures received at the public administration service centre. */
  readonly atServiceCentre?: CountOf;
  /** Procedures handled "4 tại chỗ": received, appraised, approved and returned on the spot. */
  readonly fourOnTheSpot?: CountOf;
  /** Procedures published on the national database. */
  readonly publishedNationally?: CountOf;
  /** Specialised agencies (sở, ban, ngành) the counts cover, and how many receive all their procedures at the centre. */
  readonly agencies?: { readonly count: number; readonly allAtServiceCentre?: number };
  readonly oneStopDesks?: ReadonlyArray<{ readonly level: Level; readonly count: number; readonly of?: number }>;
  /** Decisions announcing procedures in the period, and the changes they carried. */
  readonly announcements?: {
    readonly decisions: number;
    readonly new?: number;
    readonly amended?: number;
    readonly replaced?: number;
    readonly abolished?: number;
    readonly interLevel?: number;
  };
}

/** Processing times as published in totals: statutory days against the province's announced days. */
export interface ProcessingTimeFigures {
  readonly procedures?: number;
  readonly statutoryDays?: number;
  readonly announcedDays?: number;
  readonly daysCut?: number;
  readonly percentCut?: number;
  /** "trên 40%": the percentage is a lower bound, not a value. */
  readonly percentIsLowerBound?: boolean;
}
