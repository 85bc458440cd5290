import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';

import { getJson, signInToApi } from './api';
import { openBrowser, signInInBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
let browser: Browser;
let page: Page;

const HEADER =
  'receipt_id,timestamp,store_id,card_number,product_code,product_name,department,' +
  'quantity,unit_price,discount,amount,promo_code';

/** Two good lines and one with a day that does not exist, on file line 4. */
function smallExport(tag: string): string {
  return [
    HEADER,
    `E2E-${tag}-1,2026-03-02 10:15:00,PV01,,8000000000017,Latte e2e,Latticini,1,1.50,0,1.50,`,
    `E2E-${tag}-1,2026-03-02 10:15:00,PV01,,8000000000024,Pane e2e,Panetteria,2,1.00,0,2.00,`,
    `E2E-${tag}-2,2026-02-30 11:00:00,PV01,,8000000000031,Mele e2e,Ortofrutta,1,2.00,0,2.00,`,
    '',
  ].join('\n');
}

// Imports are for administrators.
beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await signInInBrowser(page, baseUrl, admin);
});

afterAll(async () => {
  await browser?.close();
});

describe('import page in Chromium', () => {
  it('uploads a CSV and shows the summary and the rejected row', async () => {
    const fileName = `e2e-${Date.now()}.csv`;
    await page.goto(`${baseUrl}/imports`);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(smallExport(String(Date.now()))),
    });
    await page.getByRole('button', { name: 'Importa' }).click();

    await page.waitForURL(/\/imports\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    // Scoped to the import's own header: the list page that was just left shows the same status
    // word for older imports until React replaces it.
    const header = page.locator('.page__header', {
      has: page.getByRole('heading', { name: `Importazione n. ${id}` }),
    });
    await header.getByText('Completata').waitFor({ timeout: 30_000 });

    const figure = (name: string) =>
      page.locator(`[data-summary="${name}"] dd`).innerText({ timeout: 5000 });
    expect(await figure('lines_read')).toBe('3');
    expect(await figure('imported')).toBe('2');
    expect(await figure('duplicates')).toBe('0');
    expect(await figure('rejected')).toBe('1');

    const rejects = page.getByRole('table', { name: 'Righe scartate' });
    await rejects.waitFor();
    const row = rejects.locator('tbody tr').first();
    expect(await row.locator('td').first().innerText()).toBe('4');
    expect(await row.innerText()).toContain('2026-02-30');

    const record = await getJson<{ imported: number; rejected: number }>(
      baseUrl,
      `/api/v1/imports/${id}`,
      await signInToApi(baseUrl, admin),
    );
    expect(record).toMatchObject({ imported: 2, rejected: 1 });

    await page.getByRole('link', { name: /Tutte le importazioni/ }).click();
    const history = page.getByRole('table', { name: 'Importazioni precedenti' });
    await history.getByRole('link', { name: fileName }).waitFor();
  });
});
