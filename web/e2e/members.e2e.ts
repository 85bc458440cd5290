import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';

import { openBrowser, signInInBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
// The second issued card is this file's own; the sign-up test uses the first.
const cardNumber = inject('issuedCards')[1]!;
const groupedNumber = cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
let browser: Browser;
let page: Page;

/** Signs a customer up through the API, so that the members list has a member with a card. */
async function signUpMember(): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      first_name: 'Marco',
      last_name: 'Ferraresi',
      email: 'marco.ferraresi@e2e.imagross.test',
      phone: '',
      password: 'castagne-di-Ottobre-3',
      card_number: cardNumber,
      privacy_accepted: true,
      marketing_consent: false,
      profiling_consent: false,
    }),
  });
  if (response.status !== 201) {
    throw new Error(`sign-up of the members test: ${response.status} ${await response.text()}`);
  }
}

beforeAll(async () => {
  await signUpMember();
  browser = await openBrowser();
  page = await browser.context.newPage();
  await signInInBrowser(page, baseUrl, admin);
});

afterAll(async () => {
  await browser?.close();
});

describe('members pages in Chromium', () => {
  it('finds a member by card number and exports the list', async () => {
    await page.goto(`${baseUrl}/members`);
    await page.getByRole('searchbox').fill(cardNumber);
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === cardNumber);
    const table = page.getByRole('table', { name: 'Soci' });
    await table.getByRole('link', { name: 'Ferraresi' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('members-total').innerText()).toBe('1 socio');

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta Soci in formato CSV' }).click();
    const download = await downloaded;
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('Ferraresi');
    expect(text).toContain(cardNumber);
  });

  it('opens the member and blocks the card', async () => {
    await page
      .getByRole('table', { name: 'Soci' })
      .getByRole('link', { name: 'Ferraresi' })
      .click();
    await page.getByRole('heading', { name: 'Marco Ferraresi', level: 1 }).waitFor();
    const cards = page.getByRole('table', { name: 'Carte' });
    const row = cards.locator('tbody tr', { hasText: groupedNumber });
    expect(await row.locator('[data-card-status]').getAttribute('data-card-status')).toBe('active');

    await row.getByRole('button', { name: 'Blocca' }).click();
    const dialog = page.getByRole('dialog', { name: `Bloccare la carta ${groupedNumber}?` });
    await dialog.getByRole('button', { name: 'Blocca' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.locator('[data-card-status="blocked"]').waitFor();
    await page.getByRole('table', { name: 'Storico modifiche' }).getByText('card.block').waitFor();
  });
});
