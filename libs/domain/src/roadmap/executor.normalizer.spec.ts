import { buildExecutorEntities, executorKey, splitExecutors } from './executor.normalizer';

describe('splitExecutors', () => {
  it.each([
    ['ДО г. Иркутска \nМКУ «ИМЦРО»', ['ДО г. Иркутска', 'МКУ «ИМЦРО»']],
    ['Отдел образования, МБУ «МИМЦ»', ['Отдел образования', 'МБУ «МИМЦ»']],
    ['Отдел образования, \nМБУ «МИМЦ»\n', ['Отдел образования', 'МБУ «МИМЦ»']],
    ['Управленческие команды ШНОР', ['Управленческие команды ШНОР']],
    ['ОО, ИМЦ; кураторы', ['ОО', 'ИМЦ', 'кураторы']],
    ['Отдел образования, МБУ «МИМЦ», ОУ', ['Отдел образования', 'МБУ «МИМЦ»', 'ОУ']],
    ['МБУ «Центр развития, оценки и мониторинга»', ['МБУ «Центр развития, оценки и мониторинга»']],
    [
      'Отдел образования (специалисты, методисты), кураторы',
      ['Отдел образования (специалисты, методисты)', 'кураторы'],
    ],
    ['МБУ "ЦРО, филиал"; ОО', ['МБУ "ЦРО, филиал"', 'ОО']],
    [
      'Отдел образования Администрации \nМО «Усть-Илимский район»',
      ['Отдел образования Администрации МО «Усть-Илимский район»'],
    ],
    [
      'Муниципальная методическая \nслужба, муниципальный \nкоординатор, кураторы ШНОР',
      ['Муниципальная методическая служба', 'муниципальный координатор', 'кураторы ШНОР'],
    ],
    ['МКУ «ИМЦРО», МКУ "ИМЦРО".', ['МКУ «ИМЦРО»']],
    ['  \n , ', []],
  ])('%j', (cell, expected) => {
    expect(splitExecutors(cell)).toEqual(expected);
  });
});

describe('executorKey', () => {
  it('ignores quote style, case, «ё», spacing and trailing punctuation', () => {
    const keys = ['МКУ "ИМЦРО"', 'МКУ «ИМЦРО»', 'МКУ «ИМЦРО» ', 'мку  „ИМЦРО“.', 'МКУ«ИМЦРО»;'].map(executorKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('мку имцро');
    expect(executorKey('Отдел образования Администрации')).toBe(executorKey('отдел  образования   администрации'));
    expect(executorKey('Учёный совет')).toBe(executorKey('Ученый совет'));
    expect(executorKey('ДО г.Иркутска')).toBe(executorKey('ДО г. Иркутска'));
  });

  it('keeps different bodies apart', () => {
    expect(executorKey('МКУ «ИМЦРО»')).not.toBe(executorKey('МБУ «МИМЦ»'));
    expect(executorKey('ОО')).not.toBe(executorKey('ОУ'));
  });
});

describe('buildExecutorEntities', () => {
  it('merges spellings of one body, keeping the first-seen spelling as the name', () => {
    const entities = buildExecutorEntities([
      'МКУ "ИМЦРО"',
      'ДО г. Иркутска',
      'МКУ «ИМЦРО»',
      'МКУ «ИМЦРО» ',
      'ДО г.Иркутска',
      '',
    ]);
    expect(entities).toEqual([
      { key: 'мку имцро', name: 'МКУ "ИМЦРО"', aliases: ['МКУ "ИМЦРО"', 'МКУ «ИМЦРО»'] },
      { key: executorKey('ДО г. Иркутска'), name: 'ДО г. Иркутска', aliases: ['ДО г. Иркутска', 'ДО г.Иркутска'] },
    ]);
  });
});
