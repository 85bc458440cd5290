import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';

import {
  dashboardPath,
  expectedMoney,
  getJson,
  parseMoney,
  plainSpaces,
  signInToApi,
  type DashboardResponse,
} from './api';
import { openBrowser, signInInBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
let browser: Browser;
let page: Page;
let lastDay: string;
let accessToken: string;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Computes the calendar month before the one of `isoDate`, apart from the app's code. */
function previousMonth(isoDate: string): { from: string; to: string } {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function netRevenueOnScreen(): Promise<string> {
  const value = page.locator('[data-kpi="net_revenue"] .kpi-card__value');
  await value.waitFor({ state: 'visible' });
  return plainSpaces(await value.innerText());
}

/** Waits for the next dashboard response the page receives and returns its JSON body. */
function nextDashboardResponse(): Promise<DashboardResponse> {
  return page
    .waitForResponse((response) => response.url().includes('/api/v1/analytics/dashboard'))
    .then((response) => response.json() as Promise<DashboardResponse>);
}

// The analytics routes are for administrators: the API reads and the browser both sign in.
beforeAll(async () => {
  accessToken = await signInToApi(baseUrl, admin);
  const coverage = await getJson<{ last_day: string | null }>(
    baseUrl,
    '/api/v1/analytics/coverage',
    accessToken,
  );
  if (!coverage.last_day) throw new Error('the e2e database holds no sales');
  lastDay = coverage.last_day;
  browser = await openBrowser();
  page = await browser.context.newPage();
  await signInInBrowser(page, baseUrl, admin);
});

afterAll(async () => {
  await browser?.close();
});

describe('dashboard in Chromium', () => {
  it('shows the net revenue the API computes for a chosen period', async () => {
    const range = { from: addDays(lastDay, -13), to: lastDay };
    const dashboard = await getJson<DashboardResponse>(baseUrl, dashboardPath(range), accessToken);
    expect(dashboard.kpis.lines).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/?from=${range.from}&to=${range.to}`);
    const onScreen = await netRevenueOnScreen();
    expect(onScreen).toBe(expectedMoney(dashboard.kpis.net_revenue, 'it-IT'));
    expect(parseMoney(onScreen, 'it-IT')).toBe(dashboard.kpis.net_revenue);
  });

  it('resolves a preset against the last day with sales', async () => {
    await page.goto(`${baseUrl}/`);
    await netRevenueOnScreen();
    const responded = nextDashboardResponse();
    await page.getByRole('combobox', { name: 'Periodo' }).selectOption('last_month');
    const dashboard = await responded;

    expect(new URL(page.url()).search).toBe('?period=last_month');
    expect(dashboard.filter).toMatchObject(previousMonth(lastDay));
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('[data-kpi="net_revenue"] .kpi-card__value')
          ?.textContent?.replace(/[\u00a0\u202f]/g, ' ') === expected,
      expectedMoney(dashboard.kpis.net_revenue, 'it-IT'),
    );
  });

  it('filters by store through the URL, and back restores the view', async () => {
    const range = { from: addDays(lastDay, -29), to: lastDay };
    await page.goto(`${baseUrl}/?from=${range.from}&to=${range.to}`);
    const allStores = await netRevenueOnScreen();

    const stores = await getJson<{ items: { code: string }[] }>(
      baseUrl,
      '/api/v1/stores',
      accessToken,
    );
    const firstStore = stores.items[0]!.code;
    const filtered = await getJson<DashboardResponse>(
      baseUrl,
      dashboardPath({ ...range, store: firstStore }),
      accessToken,
    );

    await page.getByRole('button', { name: /^Punti vendita:/ }).click();
    await page.getByRole('checkbox', { name: new RegExp(`^${firstStore}`) }).check();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.getAll('store').includes(firstStore));

    const expected = expectedMoney(filtered.kpis.net_revenue, 'it-IT');
    await expect.poll(netRevenueOnScreen).toBe(expected);
    expect(expected).not.toBe(allStores);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('store'));
    await expect.poll(netRevenueOnScreen).toBe(allStores);
  });

  it('switches to English and keeps it after a reload', async () => {
    const range = { from: addDays(lastDay, -6), to: lastDay };
    const dashboard = await getJson<DashboardResponse>(baseUrl, dashboardPath(range), accessToken);
    await page.goto(`${baseUrl}/?from=${range.from}&to=${range.to}`);
    await netRevenueOnScreen();

    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Sales overview' }).waitFor();
    expect(await netRevenueOnScreen()).toBe(expectedMoney(dashboard.kpis.net_revenue, 'en-US'));

    await page.reload();
    await page.getByRole('heading', { name: 'Sales overview' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('it');
    await page.getByRole('heading', { name: 'Andamento vendite' }).waitFor();
  });

  it('draws the revenue chart on its canvas', async () => {
    await page.goto(`${baseUrl}/?period=last_12_months`);
    const canvas = page.locator('.chart canvas').first();
    await canvas.waitFor({ state: 'visible' });
    await expect
      .poll(() =>
        canvas.evaluate((element: HTMLCanvasElement) => {
          const context = element.getContext('2d');
          if (!context || element.width === 0 || element.height === 0) return 0;
          const pixels = context.getImageData(0, 0, element.width, element.height).data;
          let painted = 0;
          for (let index = 3; index < pixels.length; index += 4) {
            if (pixels[index]! > 0) painted += 1;
          }
          return painted;
        }),
      )
      .toBeGreaterThan(1000);
    const description = await page.locator('.chart').getAttribute('aria-label');
    expect(description).toMatch(/per mese/);
  });

  it('downloads a table as CSV with the current filters', async () => {
    const range = { from: addDays(lastDay, -29), to: lastDay };
    const dashboard = await getJson<DashboardResponse>(baseUrl, dashboardPath(range), accessToken);
    await page.goto(`${baseUrl}/?from=${range.from}&to=${range.to}`);
    await netRevenueOnScreen();

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta Punti vendita in formato CSV' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const lines = (await readFile(path, 'utf8')).trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(dashboard.stores.length);

    const workbookDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta Punti vendita in formato Excel' }).click();
    const workbook = await workbookDownload;
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX file is a ZIP archive, which starts with "PK".
    const bytes = await readFile(await workbook.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('shows the server message for a bad filter and offers a retry', async () => {
    await page.goto(`${baseUrl}/?store=NO-SUCH-STORE`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('NO-SUCH-STORE');
    await page.getByRole('button', { name: 'Riprova' }).waitFor();
  });

  it('says when a period has no sales', async () => {
    await page.goto(`${baseUrl}/?from=2001-01-01&to=2001-01-31`);
    await page.getByText('Nessuna vendita nel periodo').waitFor();
    expect(await page.locator('[data-kpi]').count()).toBe(0);
  });
});
