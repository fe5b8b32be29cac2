import { Chart, type ChartData } from '@gravity-ui/charts';
import { formatDate } from '../../../lib/format';
import type { MonthBucket } from '../../../lib/matrix';
import { PIPELINE, STAGE_TITLES, type SchoolState } from '../../../lib/words';
import { t } from './i18n';

const STAGES: SchoolState[] = ['not_started', ...PIPELINE, 'completed'];

function monthTitle(month: string): string {
  return formatDate(`${month}-15T12:00:00Z`, 'UTC')
    .replace(/^\d+ /, '')
    .replace(/ (\d{4}) г\.$/, ' $1');
}

export default function Charts({ perStage, perMonth }: { perStage: Record<string, number>; perMonth: MonthBucket[] }) {
  const stageCategories = STAGES.map((s) => STAGE_TITLES[s]);
  const stages: ChartData = {
    series: {
      data: [
        {
          type: 'bar-x',
          name: t.schools,
          color: '#4c8df6',
          data: STAGES.map((s, i) => ({ x: i, y: perStage[s] ?? 0 })),
          dataLabels: { enabled: true },
        },
      ],
    },
    xAxis: { type: 'category', categories: stageCategories },
    legend: { enabled: false },
  };
  const monthCategories = perMonth.map((m) => monthTitle(m.month));
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
