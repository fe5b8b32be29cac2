export const t = {
  title: 'Дорожные карты',
  upload: 'Загрузить дорожную карту',
  empty: 'Дорожных карт пока нет',
  emptyHint:
    'Загрузите утвержденный документ (DOCX, XLSX, CSV или текст): мы покажем, что в нем поняли, до сохранения.',
  colTitle: 'Название',
  colYear: 'Год',
  colZone: 'Часовой пояс',
  colEvents: 'Мероприятия',
  colSchools: 'Школы',
  colFile: 'Файл',
  colCreated: 'Загружена',
  launch: 'Запустить цикл',
} as const;
