// The coordinator's tools on the cycle page: risk profiles from a table, a school added to the running cycle.
export const m = {
  unmatched: (names: string[]) =>
    `Исполнители не найдены в справочнике, напоминания им не уходят: ${names.map((n) => `«${n}»`).join(', ')}`,
  withoutAddressee: (names: string[]) =>
    `Нет адресата (в организации нет никого с почтой): ${names.map((n) => `«${n}»`).join(', ')}`,
  linkExecutors: 'Связать со справочником',
  noRemindersRegion: 'Исполнители без напоминаний',
  riskTitle: 'Рисковые профили из таблицы',
  riskHint:
    'Строка на школу (наименование или код), столбец на направление рисков, в ячейках «да» или «нет» (также 1/0, +/−). ' +
    'Сначала проверка: ничего не сохраняется, пока вы не нажмете «Внести профили».',
  riskFile: 'Таблица рисковых профилей (XLSX или CSV)',
  check: 'Проверить файл',
  colRow: 'Строка',
  colSchool: 'Школа',
  colDirections: 'Отмеченные направления',
  colStatus: 'Что будет',
  statuses: {
    apply: 'будет внесен',
    unchanged: 'уже внесен, без изменений',
    refused: 'не будет внесен',
  } as Record<string, string>,
  problems: 'Строки, которые не будут внесены',
  column: 'столбец',
  ignored: (names: string[]) => `Не распознаны и не импортированы столбцы: ${names.map((n) => `«${n}»`).join(', ')}`,
  missing: (names: string[]) =>
    `Нет столбцов направлений (для всех школ считается «нет»): ${names.map((n) => `«${n}»`).join(', ')}`,
  confirm: (n: number) => `Внести профили (${n})`,
  cancel: 'Отмена',
  nothing: 'В файле нет профилей, которые можно внести',
  done: (applied: number, unchanged: number, refused: number) =>
    `Внесено профилей: ${applied}; без изменений: ${unchanged}; не внесено: ${refused}`,
  failed: 'Не удалось',
  addTitle: 'Добавить школу в цикл',
  addButton: 'Добавить школу',
  fromDirectory: 'Школа из справочника',
  newSchool: 'Новая школа',
  directorySchool: 'Школа из справочника',
  schoolName: 'Наименование школы',
  municipality: 'Муниципалитет',
  category: 'Категория',
  curator: 'Куратор (необязательно)',
  noCurator: 'Без куратора',
  add: 'Добавить',
  added: (name: string) => `Школа «${name}» добавлена; она появится в списке, когда ее процесс начнет работу`,
  notStarted: 'Школа сохранена, но ее процесс пока не запущен: нажмите «Перезапустить» на странице запуска',
  close: 'Закрыть',
} as const;
