import { Alert, Button, Label, Select, Table, Text, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { hasRole, useSession } from '../../../auth/session';
import { DateInput } from '../../../components/DateInput';
import { FileInput } from '../../../components/FileInput';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { formatIsoDate } from '../../../lib/format';
import { t } from './i18n';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 7 }, (_, i) => String(THIS_YEAR - 3 + i));
type Kind = keyof typeof t.kinds;

/** The region's production calendar: what reminders count as working days. */
export default function Calendar() {
  const { me } = useSession();
  const mayEdit = hasRole(me, 'admin', 'regional_coordinator');
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String(THIS_YEAR));
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('day_off');
  const [note, setNote] = useState('');
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => unwrap(api.GET('/api/calendar', { params: { query: { year } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });
  const upload = useMutation({
    mutationFn: async (f: File) =>
      unwrap(api.POST('/api/calendar/import', { body: { fileName: f.name, content: await f.text() } })),
    onSuccess: (result) => {
      setFile(null);
      if (result.years[0]) setYear(String(result.years[0].year));
      void refresh();
    },
  });
  const mark = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/calendar/days/{date}', {
          params: { path: { date } },
          body: { kind, note: note.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      setYear(date.slice(0, 4));
      setNote('');
      void refresh();
    },
  });
  const unmark = useMutation({
    mutationFn: (day: string) => unwrap(api.DELETE('/api/calendar/days/{date}', { params: { path: { date: day } } })),
    onSuccess: () => void refresh(),
  });
  const reset = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/calendar/years/{year}', { params: { path: { year } } })),
    onSuccess: () => void refresh(),
  });
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
        <Select
          aria-label={t.year}
          options={YEARS.map((y) => ({ value: y, content: y }))}
          value={[year]}
          onUpdate={(v) => setYear(v[0] ?? year)}
        />
      </div>
      {calendar.isPending ? (
        <PageLoader />
      ) : calendar.error ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <div className="panel">
            <Text variant="subheader-2" as="p">
              {t.summary(calendar.data.workingDays)}
            </Text>
            <Text color="secondary" as="p">
              {calendar.data.source}
            </Text>
            {calendar.data.provisional && <Label theme="warning">{t.provisional}</Label>}
            {calendar.data.loaded && (
              <div className="actions">
                <Label theme="info">{t.loadedFromFile}</Label>
                {mayEdit && (
                  <Button view="flat" loading={reset.isPending} onClick={() => reset.mutate()}>
                    {t.resetYear}
                  </Button>
                )}
              </div>
            )}
          </div>
          {mayEdit ? (
            <div className="panel">
              <h2 className="g-text g-text_variant_subheader-3">{t.importTitle}</h2>
              <Text color="secondary" as="p">
                {t.importHint}
              </Text>
              <FileInput id="calendar-file" label={t.file} accept=".xml,.csv,.txt" file={file} onChange={setFile} />
              <div className="actions">
                <Button
                  view="action"
                  disabled={!file}
                  loading={upload.isPending}
                  onClick={() => file && upload.mutate(file)}
                >
                  {t.load}
                </Button>
              </div>
              {upload.error && <InlineError error={upload.error} />}
              {upload.data && (
                <Alert
                  theme="success"
                  message={t.loaded(upload.data.years.map((y) => `${y.year} (${y.workingDays})`).join(', '))}
                />
              )}
              <h2 className="g-text g-text_variant_subheader-3">{t.markTitle}</h2>
              <Text color="secondary" as="p">
                {t.markHint}
              </Text>
              <div className="filters">
                <DateInput aria-label={t.date} value={date} onUpdate={setDate} />
                <Select
                  aria-label={t.kind}
                  options={(Object.keys(t.kinds) as Kind[]).map((k) => ({ value: k, content: t.kinds[k] }))}
                  value={[kind]}
                  onUpdate={(v) => setKind((v[0] as Kind | undefined) ?? kind)}
                />
                <TextInput
                  controlProps={{ 'aria-label': t.note }}
                  placeholder={t.note}
                  value={note}
                  onUpdate={setNote}
                />
                <Button view="action" disabled={!date} loading={mark.isPending} onClick={() => mark.mutate()}>
                  {t.mark}
                </Button>
              </div>
              {mark.error && <InlineError error={mark.error} />}
            </div>
          ) : (
            <Text color="secondary" as="p">
              {t.readOnly}
            </Text>
          )}
          <h2 className="g-text g-text_variant_subheader-3">{t.daysTitle}</h2>
          {calendar.data.days.length === 0 ? (
            <EmptyState title={t.empty} />
          ) : (
            <div className="panel table-wrap">
              <Table
                data={calendar.data.days}
                getRowDescriptor={(d) => ({ id: d.date })}
                columns={[
                  { id: 'date', name: t.colDate, template: (d) => formatIsoDate(d.date) },
                  {
                    id: 'kind',
                    name: t.colKind,
                    template: (d) => (
                      <Label theme={d.working ? 'info' : 'unknown'}>
                        {d.working ? t.kinds.working : t.kinds.day_off}
                      </Label>
                    ),
                  },
                  { id: 'origin', name: t.colOrigin, template: (d) => t.origins[d.origin] },
                  { id: 'note', name: t.colNote, template: (d) => d.note || '—' },
                  {
                    id: 'actions',
                    name: '',
                    template: (d) =>
                      mayEdit && d.origin === 'marked' ? (
                        <Button view="flat-danger" size="s" onClick={() => unmark.mutate(d.date)}>
                          {t.unmark}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
