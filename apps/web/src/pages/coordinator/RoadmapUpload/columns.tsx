import { Button, Select, TextArea, TextInput } from '@gravity-ui/uikit';
import type { TableColumnConfig } from '@gravity-ui/uikit';
import { DateInput } from '../../../components/DateInput';
import { formatIsoRange } from '../../../lib/format';
import { INDICATOR_TITLES, PIPELINE, STAGE_TITLES } from '../../../lib/words';
import { t } from './i18n';
import { unsureFields, withPeriodDates, type ConfidenceField, type RoadmapEvent, type Warning } from './preview-edit';

export interface PreviewRow {
  index: number;
  event: RoadmapEvent;
  warnings: Warning[];
}

interface Handlers {
  editing: number | null;
  onEdit: (index: number | null) => void;
  onChange: (index: number, event: RoadmapEvent) => void;
  onRemove: (index: number) => void;
}

const STAGE_OPTIONS = [
  { value: '', content: t.noStage },
  ...PIPELINE.map((s) => ({ value: s, content: STAGE_TITLES[s] })),
];
const KIND_OPTIONS = Object.entries(INDICATOR_TITLES).map(([value, content]) => ({ value, content }));

function periodInWords(e: RoadmapEvent): string {
  if (!e.period.start || !e.period.end) return t.noDates;
  if (e.period.occurrences.length > 1)
    return e.period.occurrences.map((o) => formatIsoRange(o.start, o.end)).join('; ');
  return formatIsoRange(e.period.start, e.period.end);
}

function indicatorInWords(e: RoadmapEvent): string {
  const i = e.indicator;
  const target = i.min !== null ? `${i.min}${i.kind === 'coverage' ? ' %' : ''}${i.unit ? ` ${i.unit}` : ''}` : '';
  return [INDICATOR_TITLES[i.kind], target].filter(Boolean).join(': ');
}

/** «проверьте» under a value the importer read with low confidence. */
function CheckMark({ event, field }: { event: RoadmapEvent; field: ConfidenceField }) {
  return unsureFields(event).includes(field) ? <div className="warning-text">{t.check}</div> : null;
}

export function previewColumns({ editing, onEdit, onChange, onRemove }: Handlers): TableColumnConfig<PreviewRow>[] {
  const isEditing = (r: PreviewRow) => editing === r.index;
  const set = (r: PreviewRow, patch: Partial<RoadmapEvent>) => onChange(r.index, { ...r.event, ...patch });
  return [
    {
      id: 'number',
      name: t.colNumber,
      width: 70,
      template: (r) =>
        isEditing(r) ? (
          <TextInput
            className="edit-input"
            controlProps={{ 'aria-label': t.colNumber }}
            value={r.event.number}
            onUpdate={(number) => set(r, { number })}
          />
        ) : (
          r.event.number
        ),
    },
    {
      id: 'section',
      name: t.colSection,
      width: 130,
      template: (r) =>
        isEditing(r) ? (
          <TextInput
            controlProps={{ 'aria-label': t.colSection }}
            value={r.event.section ?? ''}
            onUpdate={(v) => set(r, { section: v || null })}
          />
        ) : (
          <span className="muted cell-section">{r.event.section ?? '—'}</span>
        ),
    },
    {
      id: 'title',
      name: t.colText,
      template: (r) => (
        <div className="cell-text">
          {isEditing(r) ? (
            <TextArea
              controlProps={{ 'aria-label': t.colText }}
              minRows={2}
              value={r.event.title}
              onUpdate={(title) => set(r, { title })}
            />
          ) : (
            <>
              {r.event.title}
              <CheckMark event={r.event} field="title" />
            </>
          )}
          {r.warnings.map((w) => (
            <div key={w.message} className="warning-text" role="note">
              ⚠ {w.message}
            </div>
          ))}
        </div>
      ),
    },
    {
      id: 'period',
      name: t.colPeriod,
      width: 220,
      template: (r) =>
        isEditing(r) ? (
          <div className="field">
            <TextInput
              controlProps={{ 'aria-label': t.periodText }}
              value={r.event.period.text}
              onUpdate={(text) => set(r, { period: { ...r.event.period, text } })}
            />
            <DateInput
              aria-label={t.start}
              value={r.event.period.start ?? ''}
              onUpdate={(start) => onChange(r.index, withPeriodDates(r.event, start, r.event.period.end ?? start))}
            />
            <DateInput
              aria-label={t.end}
              value={r.event.period.end ?? ''}
              onUpdate={(end) => onChange(r.index, withPeriodDates(r.event, r.event.period.start ?? end, end))}
            />
          </div>
        ) : (
          <div>
            <div>{r.event.period.text}</div>
            <div className={r.event.period.start ? 'muted' : 'warning-text'}>{periodInWords(r.event)}</div>
            <CheckMark event={r.event} field="period" />
          </div>
        ),
    },
    {
      id: 'executors',
      name: t.colExecutors,
      width: 200,
      template: (r) =>
        isEditing(r) ? (
          <TextInput
            controlProps={{ 'aria-label': `${t.colExecutors}, ${t.executorsHint}` }}
            placeholder={t.executorsHint}
            value={r.event.executors.join('; ')}
            onUpdate={(v) =>
              set(r, {
                executors: v
                  .split(';')
                  .map((s) => s.trim())
                  .filter(Boolean),
              })
            }
          />
        ) : (
          <>
            {r.event.executors.join('; ') || '—'}
            <CheckMark event={r.event} field="executors" />
          </>
        ),
    },
    {
      id: 'indicator',
      name: t.colIndicator,
      width: 180,
      template: (r) =>
        isEditing(r) ? (
          <div className="field">
            <Select
              aria-label={t.colIndicator}
              options={KIND_OPTIONS}
              value={[r.event.indicator.kind]}
              onUpdate={([kind]) =>
                set(r, { indicator: { ...r.event.indicator, kind: kind as RoadmapEvent['indicator']['kind'] } })
              }
            />
            <TextInput
              type="number"
              controlProps={{ 'aria-label': t.indicatorMin }}
              placeholder={t.indicatorMin}
              value={r.event.indicator.min === null ? '' : String(r.event.indicator.min)}
              onUpdate={(v) => set(r, { indicator: { ...r.event.indicator, min: v === '' ? null : Number(v) } })}
            />
          </div>
        ) : (
          <span title={r.event.indicator.text}>
            {indicatorInWords(r.event)}
            <CheckMark event={r.event} field="indicator" />
          </span>
        ),
    },
    {
      id: 'stage',
      name: t.colStage,
      width: 170,
      template: (r) =>
        isEditing(r) ? (
          <Select
            aria-label={t.colStage}
            options={STAGE_OPTIONS}
            value={[r.event.stage ?? '']}
            onUpdate={([stage]) => set(r, { stage: (stage || null) as RoadmapEvent['stage'] })}
          />
        ) : r.event.stage ? (
          STAGE_TITLES[r.event.stage]
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'actions',
      name: '',
      width: 120,
      template: (r) => (
        <div className="field">
          <Button
            size="s"
            view={isEditing(r) ? 'action' : 'outlined'}
            onClick={() => onEdit(isEditing(r) ? null : r.index)}
          >
            {isEditing(r) ? t.done : t.edit}
          </Button>
          <Button
            size="s"
            view="flat-danger"
            onClick={() => onRemove(r.index)}
            aria-label={`${t.remove} № ${r.event.number}`}
          >
            {t.remove}
          </Button>
        </div>
      ),
    },
  ];
}
