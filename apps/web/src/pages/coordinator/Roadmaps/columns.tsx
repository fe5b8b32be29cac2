import { Button } from '@gravity-ui/uikit';
import type { TableColumnConfig } from '@gravity-ui/uikit';
import type { Schemas } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { TIME_ZONES } from '../../../lib/words';
import { t } from './i18n';

type Row = Schemas['RoadmapSummary'];

export function roadmapColumns(onLaunch: (row: Row) => void): TableColumnConfig<Row>[] {
  return [
    { id: 'title', name: t.colTitle, template: (r) => <strong>{r.title}</strong> },
    { id: 'year', name: t.colYear, width: 70 },
    {
      id: 'timezone',
      name: t.colZone,
      template: (r) => TIME_ZONES.find((z) => z.value === r.timezone)?.title ?? r.timezone,
    },
    { id: 'events', name: t.colEvents, align: 'end' },
    { id: 'schools', name: t.colSchools, align: 'end' },
    { id: 'sourceFileName', name: t.colFile, template: (r) => r.sourceFileName ?? '—' },
    { id: 'createdAt', name: t.colCreated, template: (r) => formatDate(r.createdAt, r.timezone) },
    {
      id: 'actions',
      name: '',
      template: (r) => (
        <Button view="action" size="s" onClick={() => onLaunch(r)}>
          {t.launch}
        </Button>
      ),
    },
  ];
}
