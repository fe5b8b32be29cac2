import { Alert, Button, Select, Table, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { FileInput } from '../../../components/FileInput';
import { InlineError } from '../../../components/PageState';
import { count } from '../../../lib/plural';
import { TIME_ZONES } from '../../../lib/words';
import { previewColumns, type PreviewRow } from './columns';
import { t } from './i18n';
import {
  addEvent,
  previewProblems,
  removeEvent,
  replaceEvent,
  unsureFields,
  warningsByRow,
  type Roadmap,
} from './preview-edit';

export default function RoadmapUpload() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [participants, setParticipants] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [timezone, setTimezone] = useState('Asia/Irkutsk');
  const [roadmap, setRoadmap] = useState<Roadmap | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);

  const read = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      if (participants) form.append('participants', participants);
      if (year.trim()) form.append('year', year.trim());
      form.append('timezone', timezone);
      return unwrap(api.POST('/api/roadmaps/import', { body: {}, bodySerializer: () => form }));
    },
    onSuccess: (preview) => {
      setRoadmap(preview.roadmap);
      setFileName(preview.fileName);
      setEditing(null);
    },
  });

  const save = useMutation({
    mutationFn: (doc: Roadmap) =>
      unwrap(api.POST('/api/roadmaps', { body: doc, params: { query: fileName ? { fileName } : {} } })),
    onSuccess: (stored) => {
      void queryClient.invalidateQueries({ queryKey: ['roadmaps'] });
      void navigate(`/roadmaps/${stored.id}/launch`);
    },
  });

  const rows: PreviewRow[] = useMemo(() => {
    if (!roadmap) return [];
    const byRow = warningsByRow(roadmap.warnings);
    return roadmap.events.map((event, index) => ({ index, event, warnings: byRow.get(event.sourceRow) ?? [] }));
  }, [roadmap]);

  const otherWarnings = useMemo(() => {
    if (!roadmap) return [];
    const rowsSeen = new Set(roadmap.events.map((e) => e.sourceRow));
    return roadmap.warnings.filter((w) => !rowsSeen.has(w.row));
  }, [roadmap]);

  const columns = useMemo(
    () =>
      previewColumns({
        editing,
        onEdit: setEditing,
        onChange: (i, e) => setRoadmap((r) => (r ? replaceEvent(r, i, e) : r)),
        onRemove: (i) => {
          setEditing(null);
          setRoadmap((r) => (r ? removeEvent(r, i) : r));
        },
      }),
    [editing],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) read.mutate();
  };
  const problems = roadmap ? previewProblems(roadmap) : [];

  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
      </div>
      {!roadmap && (
        <form className="panel" onSubmit={submit} aria-label={t.title}>
          <div className="form-grid">
            <div className="field">
              <span className="field__label" aria-hidden>
                {t.file}
              </span>
              <FileInput
                id="roadmap-file"
                label={t.file}
                accept=".docx,.xlsx,.csv,.txt,.json,.yaml,.yml"
                file={file}
                onChange={setFile}
              />
              <span className="muted">{t.fileHint}</span>
            </div>
            <div className="field">
              <span className="field__label" aria-hidden>
                {t.participants}
              </span>
              <FileInput
                id="participants-file"
                label={t.participants}
                accept=".xlsx,.csv"
                file={participants}
                onChange={setParticipants}
              />
              <span className="muted">{t.participantsHint}</span>
            </div>
            <div className="field">
              <label htmlFor="roadmap-year">{t.year}</label>
              <TextInput id="roadmap-year" type="number" value={year} onUpdate={setYear} placeholder="2023" />
              <span className="muted">{t.yearHint}</span>
            </div>
            <div className="field">
              <label htmlFor="roadmap-tz">{t.timezone}</label>
              <Select
                id="roadmap-tz"
                options={TIME_ZONES.map((z) => ({ value: z.value, content: z.title }))}
                value={[timezone]}
                onUpdate={([v]) => setTimezone(v)}
              />
            </div>
          </div>
          <InlineError error={read.error} title={t.readFailed} />
          <div className="actions">
            <Button type="submit" view="action" size="l" disabled={!file} loading={read.isPending}>
              {t.read}
            </Button>
          </div>
        </form>
      )}
      {roadmap && (
        <section className="panel" aria-labelledby="preview-title">
          <div className="page-title">
            <h2 id="preview-title" className="g-text g-text_variant_header-1">
              {t.previewTitle}
            </h2>
            <Button view="flat" onClick={() => setRoadmap(null)}>
              {t.startOver}
            </Button>
          </div>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="roadmap-title">{t.roadmapTitle}</label>
              <TextInput
                id="roadmap-title"
                value={roadmap.title}
                onUpdate={(title) => setRoadmap({ ...roadmap, title })}
              />
            </div>
            <div className="field">
              <span className="field__label">
                {roadmap.year} г., {TIME_ZONES.find((z) => z.value === roadmap.timezone)?.title ?? roadmap.timezone}
              </span>
              <span className="muted" data-testid="preview-stats">
                {count(roadmap.events.length, t.events)}, {roadmap.events.filter((e) => !e.period.start).length}{' '}
                {t.undated[0]}, {count(roadmap.schools.length, t.schools)}, {count(roadmap.warnings.length, t.warnings)}
              </span>
            </div>
          </div>
          {otherWarnings.length > 0 && (
            <Alert
              theme="warning"
              title={t.otherWarnings}
              message={
                <ul className="error-details">
                  {otherWarnings.map((w) => (
                    <li key={`${w.row}-${w.message}`}>
                      {w.row}: {w.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <div className="table-wrap" style={{ marginTop: 16 }}>
            <Table
              data={rows}
              columns={columns}
              getRowDescriptor={(r) => ({
                id: `${r.index}`,
                classNames: r.warnings.length || unsureFields(r.event).length ? ['row_warning'] : [],
              })}
              wordWrap
            />
          </div>
          <div className="actions">
            <Button
              view="outlined"
              onClick={() => {
                setRoadmap(addEvent(roadmap));
                setEditing(roadmap.events.length);
              }}
            >
              {t.addRow}
            </Button>
          </div>
          {problems.length > 0 && (
            <Alert
              theme="warning"
              title={t.cannotSave}
              message={
                <ul className="error-details">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <InlineError error={save.error} title={t.saveFailed} />
          <div className="actions">
            <Button
              view="action"
              size="l"
              disabled={problems.length > 0}
              loading={save.isPending}
              onClick={() => save.mutate(roadmap)}
            >
              {t.save}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
