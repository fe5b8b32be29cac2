import { runBounded } from './run-bounded.util';

describe('runBounded', () => {
  it('keeps at most `limit` tasks in flight and returns results in task order', async () => {
    let inFlight = 0;
    let peak = 0;
    const tasks = Array.from({ length: 25 }, (_, i) => async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return i * 2;
    });
    expect(await runBounded(tasks, 4)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
    expect(peak).toBe(4);
  });

  it('starts nothing new after a failure and throws the first error', async () => {
    const started: number[] = [];
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      started.push(i);
      await new Promise((resolve) => setImmediate(resolve));
      if (i === 1) throw new Error('Temporal недоступен');
      return i;
    });
    await expect(runBounded(tasks, 2)).rejects.toThrow('Temporal недоступен');
    expect(started.length).toBeLessThan(10);
  });

  it('handles an empty list', async () => {
    expect(await runBounded([], 8)).toEqual([]);
  });
});
