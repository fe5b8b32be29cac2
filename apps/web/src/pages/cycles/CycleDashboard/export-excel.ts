// «Выгрузить в Excel»: the matrix and the events as filtered, loaded only when asked for.
import type { Schemas } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { cellState, type EventRow, type SchoolRow } from '../../../lib/matrix';
import { CATEGORY_TITLES, eventStatusTitle, YEAR_STAGES, STAGE_TITLES, stageTitle } from '../../../lib/words';

const CELL = { done: 'пройден', current: 'текущий', todo: '' } as const;

export async function exportCycleToExcel(
  cycle: Schemas['CycleView'],
  schools: SchoolRow[],
  events: EventRow[],
): Promise<void> {
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  book.creator = 'Ориентир';
  const matrix = book.addWorksheet('Школы');
  matrix.columns = [
    { header: 'Школа', key: 'name', width: 50 },
    { header: 'Категория', key: 'category', width: 14 },
    { header: 'Муниципалитет', key: 'municipality', width: 24 },
    { header: 'Этап', key: 'stage', width: 26 },
    ...YEAR_STAGES.map((s) => ({ header: STAGE_TITLES[s], key: s, width: 18 })),
  ];
  for (const s of schools) {
    matrix.addRow({
      name: s.name,
      category: CATEGORY_TITLES[s.category] ?? s.category,
      municipality: s.municipality ?? '',
      stage: stageTitle(s.stage),
      ...Object.fromEntries(YEAR_STAGES.map((p) => [p, CELL[cellState(s.stage, p)]])),
    });
  }
  const ev = book.addWorksheet('Мероприятия');
  ev.columns = [
    { header: '№', key: 'number', width: 8 },
    { header: 'Мероприятие', key: 'title', width: 70 },
    { header: 'Начало', key: 'opensAt', width: 22 },
    { header: 'Срок', key: 'deadline', width: 22 },
    { header: 'Исполнители', key: 'executors', width: 40 },
    { header: 'Статус', key: 'status', width: 16 },
    { header: 'Напоминаний', key: 'reminders', width: 14 },
  ];
  for (const e of events) {
    ev.addRow({
      number: e.number,
      title: e.title,
      opensAt: formatDate(e.opensAt, cycle.timezone),
      deadline: formatDate(e.deadline, cycle.timezone),
      executors: e.executors.join('; '),
      status: eventStatusTitle(e.status),
      reminders: e.remindersSent,
    });
  }
  for (const sheet of [matrix, ev]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `${cycle.title.replace(/[\\/:*?"<>|]+/g, ' ').trim()}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
