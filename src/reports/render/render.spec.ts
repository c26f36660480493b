import { dossierLine, changesByKind } from '../report-lines';
import { ReportView } from '../../statistics/read/report.views';
import { renderCsv } from './csv';
import { ReportDocument } from './document';
import { renderMarkdown } from './markdown';
import { barChartSvg, hasBars } from './svg-chart';

const doc: ReportDocument = {
  title: 'Báo cáo',
  lines: ['dòng'],
  sections: [
    {
      id: 's',
      title: '1. Mục',
      notes: [],
      tables: [
        {
          id: 't',
          caption: 'Bảng',
          columns: [{ label: 'Tên' }, { label: 'Số', numeric: true }, { label: 'Tỷ lệ', numeric: true }],
          rows: [['a | b, "c"', 27843.5, { percent: 30.535 }]],
        },
      ],
      charts: [],
    },
  ],
};

describe('rendering the annual report', () => {
  it('writes Vietnamese numbers in Markdown and escapes the table separator', () =>
    expect(renderMarkdown(doc)).toContain('| a \\| b, "c" | 27.843,5 | 30,535% |'));

  it('writes plain numbers in CSV and quotes text with commas and quotes', () =>
    expect(renderCsv(doc)).toBe('section,table,row,row_label,column,value\ns,t,1,"a | b, ""c""",Số,27843.5\ns,t,1,"a | b, ""c""",Tỷ lệ,30.535\n'));

  it('draws the same chart as the same SVG, escaping labels, and draws nothing from nothing', () => {
    const chart = { id: 'c', title: 'Tỷ lệ <đúng hạn>', unit: 'percent' as const, series: ['Tỷ lệ'], groups: [{ label: 'Cấp tỉnh & xã', values: [99.84] }] };
    const svg = barChartSvg(chart);
    expect(barChartSvg(chart)).toBe(svg);
    expect(svg).toContain('Tỷ lệ &lt;đúng hạn&gt;');
    expect(svg).toContain('Cấp tỉnh &amp; xã');
    expect(svg).toContain('99,84%');
    expect(svg).toContain('width="599.04"');
    expect(hasBars({ ...chart, groups: [{ label: 'x', values: [null, 0] }] })).toBe(false);
  });

  it('computes the on-time rate from the counts, and the late count as the rest of resolved', () => {
    const view = { figures: { resolved: 183636, resolvedLate: 8148, received: 226593 } } as unknown as ReportView;
    expect(dossierLine(view)).toMatchObject({ received: 226593, onTime: 175488, late: 8148, onTimeRate: 95.56 });
  });

  it('counts procedure events by kind of change', () =>
    expect(changesByKind(['ProcedureOpened', 'ProcedureAnnounced', 'ProcedureReplaced', 'ProcessingTimeCut', 'ProcessingTimeCut', 'Unknown'])).toMatchObject({ opened: 1, new: 1, replaced: 1, cut: 2, abolished: 0 }));
});
