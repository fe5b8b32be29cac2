import { Chart, type ChartData } from '@gravity-ui/charts';
import { formatMonth } from '../../../lib/format';
import type { MonthBucket } from '../../../lib/matrix';
import { YEAR_STAGES, STAGE_TITLES, type SchoolState } from '../../../lib/words';
import { t } from './i18n';

const STAGES: SchoolState[] = ['not_started', ...YEAR_STAGES, 'completed', 'withdrawn'];

export default function Charts({ perStage, perMonth }: { perStage: Record<string, number>; perMonth: MonthBucket[] }) {
  // A horizontal bar chart draws the first category at the bottom: reverse to read top-down.
  const stageOrder = [...STAGES].reverse();
  const stageCategories = stageOrder.map((s) => STAGE_TITLES[s]);
  // Horizontal bars: the stage names stay readable in full.
  const stages: ChartData = {
    series: {
      data: [
        {
          type: 'bar-y',
          name: t.schools,
          color: '#4c8df6',
          data: stageOrder.map((s, i) => ({ y: i, x: perStage[s] ?? 0 })),
          dataLabels: { enabled: true },
        },
      ],
    },
    yAxis: [{ type: 'category', categories: stageCategories, labels: { maxWidth: '45%' } }],
    legend: { enabled: false },
  };
  const monthCategories = perMonth.map((m) => formatMonth(m.month));
  const months: ChartData = {
    series: {
      data: [
        { type: 'bar-x', name: t.due, color: '#a9b4c2', data: perMonth.map((m, i) => ({ x: i, y: m.due })) },
        { type: 'bar-x', name: t.done, color: '#30aa6e', data: perMonth.map((m, i) => ({ x: i, y: m.done })) },
      ],
    },
    xAxis: { type: 'category', categories: monthCategories },
    legend: { enabled: true },
  };
  return (
    <div className="charts">
      <figure className="panel" aria-label={t.chartStages}>
        <h2 className="g-text g-text_variant_subheader-3">{t.chartStages}</h2>
        <div className="chart">
          <Chart data={stages} />
        </div>
        <figcaption className="sr-only">
          {STAGES.map((s) => `${STAGE_TITLES[s]}: ${perStage[s] ?? 0}`).join('; ')}
        </figcaption>
      </figure>
      <figure className="panel" aria-label={t.chartMonths}>
        <h2 className="g-text g-text_variant_subheader-3">{t.chartMonths}</h2>
        <div className="chart">
          <Chart data={months} />
        </div>
        <figcaption className="sr-only">
          {perMonth.map((m, i) => `${monthCategories[i]}: ${m.due}, ${t.done.toLowerCase()} ${m.done}`).join('; ')}
        </figcaption>
      </figure>
    </div>
  );
}
