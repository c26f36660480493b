/** What a procedure is, as a decision announces it. Codes are opaque strings: `1.000046` is never a number. */

export const LEVELS = ['ministry', 'province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

/** Since Decree 42/2022, a service is either fully or partly online (or not online at all). */
export const ONLINE_LEVELS = ['none', 'partly', 'fully'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

export const PROCEDURE_STATUSES = ['in_force', 'abolished', 'replaced'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

export interface ProcedureAttributes {
  readonly name: string;
  readonly level: Level;
  readonly field: string;
  readonly agency: string;
  /** Working days set by the ministries' legal texts; half days allowed. */
  readonly statutoryDays: number;
  /** Working days the province announces (never more than the statutory days); half days allowed. */
  readonly announcedDays: number;
  readonly onlineLevel: OnlineLevel;
  readonly connectedToNationalPortal: boolean;
  /** An inter-agency or inter-level procedure (liên thông). */
  readonly interLevel: boolean;
}

export const procedureStreamId = (code: string): string => `procedure-${code}`;

/** The code of the procedure whose stream holds an event. */
export const procedureCodeOf = ({ streamId }: { readonly streamId: string }): string => streamId.slice('procedure-'.length);
