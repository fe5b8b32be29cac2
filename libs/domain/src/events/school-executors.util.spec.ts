import { executorGroupLabel, executorGroupOf } from './school-executors.util';

// Spellings as the real roadmaps write them (test/fixtures/roadmaps and their corpus).
describe('executorGroupOf', () => {
  it.each([
    ['руководители школ ШНОР', { kind: 'schools', categories: ['shnor'] }],
    ['Руководители ШНОР', { kind: 'schools', categories: ['shnor'] }],
    ['Управленческие команды ШНОР', { kind: 'schools', categories: ['shnor'] }],
    ['руководители школ ШНОР школ «зоны риска»', { kind: 'schools', categories: ['shnor', 'risk_zone'] }],
    ['школы зоны риска', { kind: 'schools', categories: ['risk_zone'] }],
    ['ОУ', { kind: 'schools', categories: ['shnor', 'risk_zone', 'shnsu'] }],
    ['Руководители ОО', { kind: 'schools', categories: ['shnor', 'risk_zone', 'shnsu'] }],
    ['кураторы', { kind: 'curators', categories: null }],
    ['кураторы ШНОР', { kind: 'curators', categories: ['shnor'] }],
    ['Кураторы  ШНОР ', { kind: 'curators', categories: ['shnor'] }],
    ['кураторы школ зоны риска', { kind: 'curators', categories: ['risk_zone'] }],
  ])('%s → %j', (name, expected) => {
    expect(executorGroupOf(name)).toEqual(expected);
  });

  it.each([
    'ДО г. Иркутска',
    'МКУ «ИМЦРО»',
    'Отдел образования Администрации МО «Усть-Илимский район»',
    'Муниципальный координатор',
    'Муниципальная методическая служба',
    'ГМС ОО',
    'Школы-наставники',
    'Наставники',
    'куратор проекта',
  ])('%s names an organisation (or someone else), not a cycle group', (name) => {
    expect(executorGroupOf(name)).toBeNull();
  });

  it('labels a group for the coordinator, naming its categories unless it is every school', () => {
    expect(executorGroupLabel({ kind: 'schools', categories: ['shnor'] })).toBe('школы цикла (ШНОР)');
    expect(executorGroupLabel({ kind: 'schools', categories: ['shnor', 'risk_zone'] })).toBe(
      'школы цикла (ШНОР, зона риска)',
    );
    expect(executorGroupLabel({ kind: 'schools', categories: ['shnor', 'risk_zone', 'shnsu'] })).toBe('школы цикла');
    expect(executorGroupLabel({ kind: 'curators', categories: null })).toBe('кураторы цикла');
    expect(executorGroupLabel({ kind: 'curators', categories: ['shnor'] })).toBe('кураторы цикла (ШНОР)');
  });
});
