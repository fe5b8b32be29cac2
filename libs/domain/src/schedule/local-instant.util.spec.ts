import { eventDateBounds, localInstant } from './local-time.util';

describe('event dates in the cycle’s zone', () => {
  it('reads a date alone as the local day (deadline: its end), a time without offset as local time', () => {
    expect(localInstant('2026-12-20', 'Asia/Irkutsk', 'end')?.toISOString()).toBe('2026-12-20T15:59:59.999Z');
    expect(localInstant('2026-12-20', 'Asia/Irkutsk', 'start')?.toISOString()).toBe('2026-12-19T16:00:00.000Z');
    expect(localInstant('2026-12-20T09:00:00', 'Asia/Irkutsk', 'start')?.toISOString()).toBe(
      '2026-12-20T01:00:00.000Z',
    );
    expect(localInstant('2026-12-20T09:00:00Z', 'Asia/Irkutsk', 'start')?.toISOString()).toBe(
      '2026-12-20T09:00:00.000Z',
    );
    expect(localInstant('2026-12-20T09:00:00+03:00', 'Asia/Irkutsk', 'end')?.toISOString()).toBe(
      '2026-12-20T06:00:00.000Z',
    );
    expect(localInstant('2023-13-45', 'Asia/Irkutsk', 'start')).toBeNull();
  });

  it('bounds a cycle’s events to its year, one year either side', () => {
    const { from, to } = eventDateBounds(2026, 'Asia/Irkutsk');
    expect(from.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(to.toISOString()).toBe('2027-12-31T15:59:59.999Z');
  });
});
