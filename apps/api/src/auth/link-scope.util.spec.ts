import { linkScopeProblem } from './link-scope.util';
import type { LinkScope } from './principal.model';

const link: LinkScope = {
  linkId: 'l1',
  purpose: 'event',
  personId: 'p1',
  holderName: 'Иванова И. И.',
  cycleId: 'c1',
  eventId: 'e1',
  schoolId: null,
  itemLabel: 'мероприятие № 7 «Десант»',
  expiresAt: new Date('2030-01-01'),
};

describe('linkScopeProblem', () => {
  it('lets the link reach its own event and cycle', () => {
    expect(linkScopeProblem(link, { cycle: 'id' }, { id: 'c1' })).toBeNull();
    expect(linkScopeProblem(link, {}, { cycleId: 'c1', eventId: 'e1' })).toBeNull();
    expect(linkScopeProblem(link, {}, {})).toBeNull();
  });

  it('refuses another event, another cycle, any school and undeclared routes, in Russian naming the holder', () => {
    for (const [rule, params] of [
      [{}, { cycleId: 'c1', eventId: 'e2' }],
      [{ cycle: 'id' }, { id: 'c2' }],
      [
        { cycle: 'id', school: 'schoolId' },
        { id: 'c1', schoolId: 's1' },
      ],
      [undefined, {}],
    ] as const) {
      expect(linkScopeProblem(link, rule, params)).toBe(
        'Ссылка из письма для Иванова И. И. открывает только мероприятие № 7 «Десант». Чтобы открыть другое, войдите в «Ориентир» со своей учетной записью',
      );
    }
  });
});
