import { BINH_PHUOC_2020 } from './facts/binh-phuoc-2020';
import { BINH_PHUOC_2022_09 } from './facts/binh-phuoc-2022-09';
import { BINH_PHUOC_2022_H1 } from './facts/binh-phuoc-2022-h1';
import { BINH_PHUOC_2023_MIDTERM } from './facts/binh-phuoc-2023-midterm';
import { BINH_THUAN_2024 } from './facts/binh-thuan-2024';
import { effectiveDateOf, SeedFact } from './seed-fact';

/**
 * Every seeded fact, in the order its figures stand (then by id): each report is checked against the ones of its
 * series before it, so the order is part of what the findings say, and it never depends on how files are listed.
 */
export const SEED_FACTS: readonly SeedFact[] = [...BINH_PHUOC_2020, ...BINH_PHUOC_2022_H1, ...BINH_PHUOC_2022_09, ...BINH_PHUOC_2023_MIDTERM, ...BINH_THUAN_2024].sort(
  (a, b) => (effectiveDateOf(a) < effectiveDateOf(b) ? -1 : effectiveDateOf(a) > effectiveDateOf(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);
