export const t = {
  role: 'Роль',
  scope: 'Область',
  scopeValue: 'Значение области',
};
