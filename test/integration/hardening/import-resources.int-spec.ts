import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { useHarness } from '../../support/test-harness';

const SEED = path.resolve(__dirname, '../../fixtures/roadmaps/irkutsk-city-2023.txt');

function csvOf(rows: number): Buffer {
  const lines = ['№;Мероприятие;Сроки реализации;Исполнители;Показатель реализации'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(`${i};"Методический десант в школу (${i})";"Май";"МКУ «ИМЦРО»";"Не менее 5 методических десантов"`);
  }
  return Buffer.from(`Дорожная карта сопровождения ШНОР на 2023 год\n${lines.join('\n')}\n`, 'utf8');
}

describe('roadmap import: large tables are capped and parsed off the event loop', () => {
  const harness = useHarness();

  it('refuses a 50,000-row table with a clear message while the API keeps answering', async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const res = await harness.admin
      .post('/api/roadmaps/import')
      .attach('file', csvOf(50_000), 'большая.csv')
      .expect(413);
    loop.disable();
    expect(res.body).toMatchObject({
      error: 'FILE_TOO_LARGE',
      message: expect.stringMatching(/^В файле «большая\.csv» 50000 строк при допустимых 5000\./),
    });
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
    // The API's own thread (this process) was never blocked for long: the parse ran in a worker.
    expect(loop.max / 1e6).toBeLessThan(1000);
  });

  it('still previews a real roadmap through the worker, repeatedly and in parallel', async () => {
    const previews = await Promise.all(
      Array.from({ length: 3 }, () => harness.admin.post('/api/roadmaps/import').attach('file', SEED).expect(201)),
    );
    expect(previews.map((p) => p.body.stats.events)).toEqual([23, 23, 23]);
  });
});
