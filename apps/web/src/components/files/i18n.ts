export const t = {
  open: 'Открыть',
  close: 'Свернуть',
  download: 'Скачать',
  upload: 'Загрузить',
  uploadNew: 'Загрузить новую версию',
  choose: 'Выбрать файл',
  allowed: 'PDF, DOCX, XLSX или ODT, до 20 МБ',
  tooLarge: (name: string) =>
    `Файл «${name}» больше 20 МБ: сохраните его меньшего размера (например, PDF без сканов высокого разрешения)`,
  uploadFailed: 'Файл не принят',
  uploaded: (name: string) => `Файл «${name}» загружен`,
  version: (n: number) => `Версия ${n}`,
  noFiles: 'Файлов пока нет',
  noPreview: 'Просмотр на странице доступен для PDF; этот файл можно скачать.',
  previewTitle: (name: string) => `Просмотр: ${name}`,
} as const;

/** «1,4 МБ», «820 КБ»: sizes as a person reads them. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${(bytes / (1024 * 1024)).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
}
