import { endOfLocalDay, localDate, startOfLocalDay } from './local-time.util';

describe('local time in the cycle zone', () => {
  it('resolves Irkutsk (UTC+8) days to UTC instants', () => {
    expect(startOfLocalDay('2023-05-01', 'Asia/Irkutsk').toISOString()).toBe('2023-04-30T16:00:00.000Z');
    expect(endOfLocalDay('2023-05-31', 'Asia/Irkutsk').toISOString()).toBe('2023-05-31T15:59:59.999Z');
  });

  it('reads the local date back from an instant', () => {
    expect(localDate(new Date('2023-04-30T16:00:00Z'), 'Asia/Irkutsk')).toBe('2023-05-01');
    expect(localDate(new Date('2023-04-30T15:59:59Z'), 'Asia/Irkutsk')).toBe('2023-04-30');
  });

  it('rejects an unknown zone or a malformed date with a message naming it', () => {
    expect(() => startOfLocalDay('2023-05-01', 'Mars/Base')).toThrow(/Mars\/Base/);
    expect(() => endOfLocalDay('2023-13-01', 'Asia/Irkutsk')).toThrow(/2023-13-01/);
  });
});
