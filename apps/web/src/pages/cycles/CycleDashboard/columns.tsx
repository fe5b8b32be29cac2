import { Label, Progress } from '@gravity-ui/uikit';
import type { TableColumnConfig } from '@gravity-ui/uikit';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { Schemas } from '../../../api/client';
import { cellState, type EventRow } from '../../../lib/matrix';
import {
  CATEGORY_TITLES,
  eventStatusTitle,
  eventTone,
  YEAR_STAGES,
  STAGE_TITLES,
  stageTitle,
} from '../../../lib/words';
import { t } from './i18n';

const CELL_WORDS = { done: t.legendDone, current: t.legendCurrent, todo: t.legendTodo } as const;

/** A row of the server's school list (GET /api/cycles/:id/schools). */
export type MatrixRow = Schemas['SchoolListItemView'];

export function matrixColumns(cycleId: string, timeZone: string): TableColumnConfig<MatrixRow>[] {
  return [
    {
      id: 'name',
      name: t.colSchool,
      // The school is what a supervisor reads first: it gets the room, the stage cells stay compact.
      width: 280,
      template: (s) => (
        <div>
          <Link to={`/cycles/${cycleId}/schools/${s.id}`}>{s.name}</Link>
          <div className="muted">
            {CATEGORY_TITLES[s.category] ?? s.category}
            {s.municipality ? ` · ${s.municipality}` : ''}
            {s.curators.length ? ` · куратор: ${s.curators.join(', ')}` : ''}
          </div>
        </div>
      ),
    },
    ...YEAR_STAGES.map((stage): TableColumnConfig<MatrixRow> => ({
      id: stage,
      name: STAGE_TITLES[stage],
      width: 104,
      align: 'center',
      template: (s) => {
        const state = cellState(s.stage, stage);
        return (
          <span
            className={`cell cell_${state}`}
            title={`${STAGE_TITLES[stage]}: ${CELL_WORDS[state]}`}
            aria-label={`${STAGE_TITLES[stage]}: ${CELL_WORDS[state]}`}
          />
        );
      },
    })),
    {
      id: 'stage',
      name: t.stage,
      width: 170,
      template: (s) => (
        <Label theme={s.stage === 'completed' ? 'success' : s.stage === 'not_started' ? 'unknown' : 'info'}>
          {stageTitle(s.stage)}
          {s.round > 1 ? `, ${t.round(s.round)}` : ''}
        </Label>
      ),
    },
    {
      id: 'due',
      name: t.colDue,
      width: 170,
      template: (s) =>
        s.overdue ? (
          <Label theme="danger" title={s.dueAt ? formatDate(s.dueAt, timeZone) : undefined}>
            {t.overdue}
            {s.dueAt ? ` с ${formatDate(s.dueAt, timeZone)}` : ''}
          </Label>
        ) : s.dueAt ? (
          formatDate(s.dueAt, timeZone)
        ) : (
          '—'
        ),
    },
  ];
}

export function eventColumns(
  cycleId: string,
  timeZone: string,
  progress: ReadonlyMap<string, number> = new Map(),
): TableColumnConfig<EventRow>[] {
  return [
    { id: 'number', name: t.colNumber, width: 60 },
    { id: 'title', name: t.colText, template: (e) => <Link to={`/cycles/${cycleId}/events/${e.id}`}>{e.title}</Link> },
    {
      id: 'period',
      name: t.colPeriod,
      width: 230,
      // An undated event's stored window is only a placeholder until a coordinator dates it.
      template: (e) =>
        e.status === 'awaiting_schedule'
          ? eventStatusTitle(e.status)
          : `${formatDate(e.opensAt, timeZone)} – ${formatDate(e.deadline, timeZone)}`,
    },
    { id: 'executors', name: t.colExecutors, width: 220, template: (e) => e.executors.join('; ') || '—' },
    {
      id: 'status',
      name: t.colStatus,
      width: 130,
      template: (e) => <Label theme={eventTone(e.status)}>{eventStatusTitle(e.status)}</Label>,
    },
    {
      id: 'progress',
      name: 'Показатель',
      width: 140,
      template: (e) => {
        const value = progress.get(e.id) ?? 0;
        const theme =
          e.status === 'met'
            ? 'success'
            : e.status === 'at_risk'
              ? 'warning'
              : e.status === 'overdue'
                ? 'danger'
                : 'info';
        return (
          <div title={`${value}%`} data-testid="event-progress">
            <Progress value={value} size="s" theme={theme} /> {value}%
          </div>
        );
      },
    },
    { id: 'remindersSent', name: t.colReminders, width: 110, align: 'end' },
  ];
}
