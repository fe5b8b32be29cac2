// The CLI as a user runs it: `orientir roadmap parse FILE --json`, spawned as a real process.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'orientir.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'roadmaps');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function orientir(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('orientir roadmap parse', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'orientir-cli-'));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints the canonical JSON with the model field names on stdout, and nothing on stderr', async () => {
    const run = await orientir('roadmap', 'parse', join(FIXTURES, 'irkutsk-city-2023.txt'), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const roadmap = JSON.parse(run.stdout) as Record<string, unknown> & { events: Record<string, unknown>[] };
    expect(Object.keys(roadmap)).toEqual([
      'title',
      'year',
      'timezone',
      'events',
      'executorEntities',
      'schools',
      'curators',
      'warnings',
    ]);
    expect(Object.keys(roadmap.events[0])).toEqual([
      'number',
      'section',
      'title',
      'period',
      'executors',
      'indicator',
      'reportForm',
      'executionNote',
      'stage',
      'sourceRow',
      // Added by the corpus-hardened importer (issue 14); the fields above keep their names and order.
      'confidence',
    ]);
    expect(Object.keys(roadmap.events[0].indicator as Record<string, unknown>)).toEqual([
      'kind',
      'min',
      'per',
      'unit',
      'population',
      'document',
      'text',
    ]);
    expect(roadmap.events).toHaveLength(23);
    expect(roadmap.timezone).toBe('Asia/Irkutsk');
  }, 60_000);

  it('reads a DOCX and applies --year and --tz', async () => {
    const run = await orientir(
      'roadmap',
      'parse',
      join(FIXTURES, 'generated', 'irkutsk-city-2023.docx'),
      '--year',
      '2024',
      '--tz',
      'Europe/Moscow',
      '--json',
    );
    expect(run.code).toBe(0);
    const roadmap = JSON.parse(run.stdout) as {
      year: number;
      timezone: string;
      events: { period: { start: string } }[];
    };
    expect(roadmap.year).toBe(2024);
    expect(roadmap.timezone).toBe('Europe/Moscow');
    expect(roadmap.events[0].period.start).toBe('2024-05-01');
  }, 60_000);

  it('draws the progress bar on stderr when asked, keeping stdout pure JSON', async () => {
    const run = await orientir('roadmap', 'parse', join(FIXTURES, 'lesosibirsk-2020-2021.txt'), '--json', '--progress');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Чтение дорожной карты');
    expect((JSON.parse(run.stdout) as { events: unknown[] }).events).toHaveLength(14);
  }, 60_000);

  it('exits non-zero with a Russian message for a missing file', async () => {
    const run = await orientir('roadmap', 'parse', join(scratch, 'нет-такого.docx'), '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`Ошибка: Файл «${join(scratch, 'нет-такого.docx')}» не найден.\n`);
  }, 60_000);

  it('exits non-zero with a Russian message for a corrupted DOCX', async () => {
    const file = join(scratch, 'битый.docx');
    const docx = readFileSync(join(FIXTURES, 'generated', 'lesosibirsk-2020-2021.docx'));
    writeFileSync(file, docx.subarray(0, 2000));
    const run = await orientir('roadmap', 'parse', file, '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Ошибка: Файл «битый.docx» повреждён или не является документом Word (DOCX): его не удалось открыть.\n',
    );
  }, 60_000);

  it('refuses a 50 MB file by its size', async () => {
    const file = join(scratch, 'огромный.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    const run = await orientir('roadmap', 'parse', file, '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Ошибка: Файл «огромный.xlsx» слишком большой: 50,0 МБ при допустимых 20,0 МБ');
  }, 60_000);

  it('rejects an unknown time zone', async () => {
    const run = await orientir(
      'roadmap',
      'parse',
      join(FIXTURES, 'irkutsk-city-2023.txt'),
      '--tz',
      'Mars/Olympus',
      '--json',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Неизвестный часовой пояс «Mars/Olympus»');
  }, 60_000);

  it('prints a Russian summary without --json', async () => {
    const run = await orientir('roadmap', 'parse', join(FIXTURES, 'ust-ilimsk-district-2023-2024.txt'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Мероприятий: 22');
    expect(run.stdout).toContain('строка 165: Номер строки «И» не распознан; по порядку принят номер 11');
  }, 60_000);

  it('marks in the summary the fields the coordinator should check', async () => {
    // The period and executor cells are merged over rows 1.1–1.2; the text copy holds them once.
    const run = await orientir('roadmap', 'parse', join(FIXTURES, 'corpus', 'slyudyanka-2024.txt'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Утверждение плана работы рабочей группы — Январь 2024 года [проверьте: срок, исполнители]',
    );
    expect(run.stdout).toContain('Утверждение состава муниципальной рабочей группы — Январь 2024 года\n');
    expect(run.stdout).toMatch(/Полей для проверки: [1-9]/);
  }, 60_000);
});
