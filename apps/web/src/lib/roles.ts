export const ROLE_TITLES: Record<string, string> = {
  admin: 'Администратор',
  regional_coordinator: 'Региональный координатор',
  municipal_coordinator: 'Муниципальный координатор',
  curator: 'Куратор',
  school_team: 'Команда школы',
  executor: 'Исполнитель',
  supervisor: 'Наблюдатель',
};
