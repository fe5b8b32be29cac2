// Shared pieces of the browser tests: the running product, a Chromium page per person, screenshots.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../../infra/stack/web-build.util';
import { startOrientirApps, type OrientirApps } from '../support/orientir-apps';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(
  process.env.ORIENTIR_DATA_DIR ?? path.join(ROOT, '.data'),
  'test-results/screenshots',
);

export interface Product {
  apps: OrientirApps;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the web app if needed, starts API + worker listening on a free port, launches Chromium. */
export async function startProduct(): Promise<Product> {
  ensureWebBuilt(ROOT);
  const executablePath = execFileSync('bash', [path.join(ROOT, 'infra/web/ensure-chromium.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const apps = await startOrientirApps({ PUBLIC_URL: 'http://127.0.0.1' });
  await apps.api.listen(0, '127.0.0.1');
  const { port } = apps.api.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=ru-RU'],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    apps,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await apps.close();
    },
  };
}

export interface PersonPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far (the app must produce none). */
  errors: string[];
  /** Saves a screenshot of the whole page (or only the visible part with `viewport`). */
  shot(name: string, viewport?: 'viewport'): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context (own cookies) at 1280 px, or a phone-sized one; Russian unless told otherwise. */
export async function openPage(product: Product, who: string, phone = false, locale = 'ru-RU'): Promise<PersonPage> {
  const context = await product.browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    locale,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${who}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  let n = 0;
  return {
    page,
    errors,
    async shot(name: string, viewport?: 'viewport') {
      n += 1;
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${who}-${String(n).padStart(2, '0')}-${name}.png`),
        fullPage: viewport !== 'viewport',
      });
    },
    close: () => context.close(),
  };
}

export async function signIn(
  p: PersonPage,
  baseUrl: string,
  email: string,
  password: string,
  path = '/',
): Promise<void> {
  await p.page.goto(`${baseUrl}${path}`);
  await p.page.locator('#email').waitFor();
  await p.shot('sign-in');
  await p.page.fill('#email', email);
  await p.page.fill('#password', password);
  await p.page.getByRole('button', { name: 'Войти' }).click();
  await p.page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Types a date as a person does (ДД.ММ.ГГГГ, digits only: the mask adds the dots) and checks it shows so. */
export async function typeDate(field: Locator, ddmmyyyy: string): Promise<void> {
  await field.click();
  await field.pressSequentially(ddmmyyyy.replace(/\D/g, ''));
  const shown = await field.inputValue();
  if (shown !== ddmmyyyy) throw new Error(`the date field shows «${shown}», not «${ddmmyyyy}»`);
}
