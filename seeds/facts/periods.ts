import { Period } from '../../src/statistics/report';

/** Periods as the sources name them. */
export const calendarYear = (year: number): Period => ({ label: `Năm ${year}`, from: `${year}-01-01`, to: `${year}-12-31` });

export const period = (label: string, to: string, from?: string): Period => ({ label, ...(from && { from }), to });
