import { Table } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { CATEGORY_TITLES, stageTitle } from '../../../lib/words';
import { t } from './i18n';

/**
 * The same directory school in the other cycles the reader may see (its category and where its year
 * ended or stands), so a coordinator sees last year's result next to this year's.
 */
export function OtherCycles({ schoolId }: { schoolId: string }) {
  const history = useQuery({
    queryKey: ['school-cycles', schoolId],
    queryFn: () => unwrap(api.GET('/api/schools/{id}/cycles', { params: { path: { id: schoolId } } })),
  });
  const others = history.data?.cycles.filter((c) => !c.current) ?? [];
  // Nothing to compare with (or not readable here): the section stays away rather than saying so.
  if (others.length === 0) return null;
  return (
    <section className="panel table-wrap" aria-labelledby="other-cycles-title">
      <h2 id="other-cycles-title" className="g-text g-text_variant_subheader-3">
        {t.otherCycles}
      </h2>
      <Table
        data={others}
        getRowDescriptor={(c) => ({ id: c.schoolId })}
        wordWrap
        columns={[
          { id: 'year', name: t.colYear, width: 90 },
          {
            id: 'cycle',
            name: t.colCycle,
            template: (c) => <Link to={`/cycles/${c.cycleId}/schools/${c.schoolId}`}>{c.cycleTitle}</Link>,
          },
          { id: 'category', name: t.colCategory, template: (c) => CATEGORY_TITLES[c.category] ?? c.category },
          {
            id: 'stage',
            name: t.colStage,
            template: (c) =>
              c.stage ? `${stageTitle(c.stage)}${c.round && c.round > 1 ? `, ${t.round(c.round)}` : ''}` : '—',
          },
        ]}
      />
    </section>
  );
}
