/**
 * The published reports the seeds are taken from, by file name: each seeded fact cites one of them as its source.
 * The texts themselves are not part of the ledger; what the ledger keeps is each figure, its citation and its date.
 */
export interface SeedSource {
  readonly file: string;
  readonly province: string;
  readonly title: string;
  /** The latest date the text itself gives for its figures ("hiện nay", "đến nay"). */
  readonly asOf: string;
}

export const S0: SeedSource = {
  file: '000_f6667ee2e4f2cdb8.txt',
  province: 'Bình Phước',
  title: 'Sơ kết giữa nhiệm kỳ Chương trình đột phá cải cách TTHC (khoảng tháng 7/2023)',
  asOf: '2023-06-30',
};

export const S1: SeedSource = {
  file: '001_c87b492124e090e9.txt',
  province: 'Bình Phước',
  title: 'Cải cách hành chính Bình Phước, nhiệm kỳ 2015–2020 (cuối năm 2020)',
  asOf: '2020-09-30',
};

export const S2: SeedSource = {
  file: '002_90c0e404548d7a3f.txt',
  province: 'Bình Phước',
  title: 'Kết quả công tác cải cách hành chính nhà nước 6 tháng đầu năm 2022 (đăng ngày 18/06/2022)',
  asOf: '2022-06-18',
};

export const S3: SeedSource = {
  file: '003_defbe2f292ec2941.txt',
  province: 'Bình Phước',
  title: 'Nâng cao hiệu quả cung cấp, sử dụng dịch vụ công trực tuyến (tham luận ngày 16/09/2022)',
  asOf: '2022-09-16',
};

export const S4: SeedSource = {
  file: '004_612b6d1f112d1d84.txt',
  province: 'Bình Thuận',
  title: 'Cải cách hành chính tỉnh Bình Thuận năm 2024',
  asOf: '2024-12-31',
};

export const SEED_SOURCES: readonly SeedSource[] = [S0, S1, S2, S3, S4];
