import { greeting } from './letter-parts.util';
import { escapeHtml } from './html.util';
import { formatRussianDate } from './mail-format.util';
import type { RenderedMail } from './event-reminder.template';

export type SchoolNoticeKind =
  'reminder' | 'overdue' | 'review_overdue' | 'returned' | 'approved' | 'for_review' | 'curator_changed';

export interface SchoolNoticeModel {
  kind: SchoolNoticeKind;
  recipientName: string;
  schoolName: string;
  cycleTitle: string;
  stageTitle: string;
  round: number;
  dueAt: Date | null;
  timezone: string;
  documentTitle: string | null;
  remarks: string | null;
  actionUrl: string;
}

/** Mail about one school's year: a reminder, an overdue stage, a late review, a decision, a new curator. */
export function renderSchoolNotice(m: SchoolNoticeModel): RenderedMail {
  const due = m.dueAt ? formatRussianDate(m.dueAt, m.timezone) : null;
  const doc = m.documentTitle ? `«${m.documentTitle}»` : 'документы';
  const lines: Record<SchoolNoticeKind, { subject: string; body: string }> = {
    reminder: {
      subject: `Напоминание: ${m.schoolName} — этап «${m.stageTitle}», срок ${due ?? 'не задан'}`,
      body: `Срок этапа «${m.stageTitle}» — ${due ?? 'не задан'}. Пожалуйста, выполните то, что требуется на этом этапе.`,
    },
    overdue: {
      subject: `Просрочено: ${m.schoolName} — этап «${m.stageTitle}»`,
      body: `Срок этапа «${m.stageTitle}» (${due ?? 'не задан'}) прошел, этап не завершен. ${m.remarks ?? 'Просим завершить этап или согласовать новый срок с координатором.'}`,
    },
    review_overdue: {
      subject: `Экспертиза просрочена: ${m.schoolName} — ${doc}`,
      body: `Экспертиза документа ${doc} (раунд ${m.round}) не проведена в установленный срок.`,
    },
    returned: {
      subject: `На доработку: ${m.schoolName} — ${doc}`,
      body: `Возвращено на доработку: ${doc}.${m.remarks ? `\nЗамечания: ${m.remarks}` : ''}`,
    },
    approved: {
      subject: `Документы одобрены: ${m.schoolName}`,
      body: `Концептуальные документы школы одобрены. Следующий этап — «${m.stageTitle}».`,
    },
    for_review: {
      subject: `На экспертизу: ${m.schoolName}`,
      body: `Школа подала материалы на рассмотрение (этап «${m.stageTitle}», раунд ${m.round}).`,
    },
    curator_changed: {
      subject: `Вы назначены куратором: ${m.schoolName}`,
      body: `Вы назначены куратором школы «${m.schoolName}». Текущий этап — «${m.stageTitle}».`,
    },
  };
  const { subject, body } = lines[m.kind];
  const text = [
    greeting(m.recipientName),
    '',
    `${m.cycleTitle}, ${m.schoolName}.`,
    body,
    '',
    `Открыть школу в «Ориентире»: ${m.actionUrl}`,
    '',
    'Это письмо отправлено автоматически системой «Ориентир».',
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif">
<p>${escapeHtml(greeting(m.recipientName))}</p>
<p>${escapeHtml(m.cycleTitle)}, <b>${escapeHtml(m.schoolName)}</b>.</p>
<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>
<p><a href="${escapeHtml(m.actionUrl)}">Открыть школу в «Ориентире»</a></p>
<p style="color:#777">Это письмо отправлено автоматически системой «Ориентир».</p>
</body></html>`;
  return { subject, text, html };
}
