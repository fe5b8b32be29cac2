// Web app benchmark: initial JavaScript (gzip) of the built app, and how long the cycle dashboard
// takes to become usable with 3,000 schools in Debian's chromium. The API is replaced by canned
// answers (page.route) so the figure measures the app, not the database. Fails on a missed target.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureWebBuilt } from '../../infra/stack/web-build.util';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/web');
const SCHOOLS = 3000;
const TARGET_INITIAL_KB = 500;
const TARGET_USABLE_MS = 1500;
const STAGES = ['self_diagnosis', 'concept_documents', 'expertise', 'monitoring', 'report', 'completed'];

function initialJsGzipBytes(): number {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(DIST, f))).length, 0);
}

function cycle() {
  const municipalities = Array.from({ length: 40 }, (_, i) => `Муниципалитет ${i + 1}`);
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Нагрузочный цикл: 3 000 школ',
    year: 2026,
    timezone: 'Asia/Irkutsk',
    municipality: null,
    schools: Array.from({ length: SCHOOLS }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i + 10).padStart(12, '0')}`,
      name: `МБОУ СОШ № ${i + 1}`,
      category: i % 3 ? 'shnor' : 'risk_zone',
      municipality: municipalities[i % municipalities.length],
      stage: STAGES[i % STAGES.length],
      round: 1,
      workflowId: `w${i}`,
      updatedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
      actions: [],
      curatorUserId: null,
      reviewerUserIds: [],
      curators: [`Куратор ${i % 150}`],
    })),
    events: Array.from({ length: 120 }, (_, i) => ({
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      number: String(i + 1),
      title: `Мероприятие ${i + 1}`,
      opensAt: new Date(Date.UTC(2026, i % 12, 1)).toISOString(),
      deadline: new Date(Date.UTC(2026, i % 12, 25)).toISOString(),
      executors: ['МКУ «ИМЦРО»'],
      status: ['open', 'overdue', 'closed', 'scheduled'][i % 4],
      remindersSent: i % 3,
      workflowId: `e${i}`,
      updatedAt: null,
    })),
  };
}

async function main(): Promise<void> {
  ensureWebBuilt(ROOT);
  const initialKb = initialJsGzipBytes() / 1024;
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]));
    const target =
      file.startsWith(DIST) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(DIST, 'index.html');
    const type = target.endsWith('.js')
      ? 'text/javascript'
      : target.endsWith('.css')
        ? 'text/css'
        : target.endsWith('.html')
          ? 'text/html'
          : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    fs.createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = execFileSync('bash', [path.join(ROOT, 'infra/web/ensure-chromium.sh')], {
    encoding: 'utf8',
  }).trim();
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=ru-RU'],
  });
  const body = JSON.stringify(cycle());
  const me = JSON.stringify({
    id: 'u',
    email: 'bench@example.ru',
    displayName: 'Замер',
    grants: [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }],
  });
  const runs: number[] = [];
  let filterMs = 0;
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'orientir_csrf', value: 'bench', url: base }]);
    const page = await context.newPage();
    await page.route('**/api/auth/me', (r) => r.fulfill({ contentType: 'application/json', body: me }));
    await page.route('**/api/cycles/*', (r) => r.fulfill({ contentType: 'application/json', body }));
    const started = Date.now();
    await page.goto(`${base}/cycles/00000000-0000-4000-8000-000000000001`);
    // Usable: the totals and the first page of the matrix are on screen and the search field answers.
    await page.getByText('Показано 25 из 3000').waitFor({ timeout: 30_000 });
    runs.push(Date.now() - started);
    const t0 = Date.now();
    await page.getByRole('textbox', { name: 'Поиск по названию' }).fill('СОШ № 2999');
    await page.getByText('Показано 1 из 1').waitFor();
    filterMs = Math.max(filterMs, Date.now() - t0);
    await context.close();
  }
  await browser.close();
  server.close();
  const usable = [...runs].sort((a, b) => a - b)[1]; // the median of three fresh page loads
  console.log(`initial JavaScript (gzip): ${initialKb.toFixed(1)} KB (target ≤ ${TARGET_INITIAL_KB} KB)`);
  console.log(
    `dashboard usable with ${SCHOOLS} schools: ${usable} ms (runs: ${runs.join(', ')} ms; target ≤ ${TARGET_USABLE_MS} ms)`,
  );
  console.log(`search across ${SCHOOLS} schools: ${filterMs} ms`);
  if (initialKb > TARGET_INITIAL_KB || usable > TARGET_USABLE_MS) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
