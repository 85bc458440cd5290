import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';

import { openBrowser, signInInBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
// The first issued card is this file's own; other tests leave it alone.
const cardNumber = inject('issuedCards')[0]!;
const password = 'girasole-di-Marzo-7';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until an image of the card has loaded and returns its natural size. */
async function loadedSize(kind: 'barcode' | 'qr'): Promise<{ width: number; height: number }> {
  const image = page.locator(`img[data-card-image="${kind}"]`);
  await image.waitFor({ state: 'visible' });
  await page.waitForFunction((selector) => {
    const element = document.querySelector<HTMLImageElement>(selector);
    return element !== null && element.complete && element.naturalWidth > 0;
  }, `img[data-card-image="${kind}"]`);
  return image.evaluate((element: HTMLImageElement) => ({
    width: element.naturalWidth,
    height: element.naturalHeight,
  }));
}

describe('sign-up and digital card in Chromium', () => {
  it('signs up, signs in by card, shows it', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Numero della carta').fill(cardNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.getByLabel('Nome', { exact: true }).fill('Giulia');
    await page.getByLabel('Cognome', { exact: true }).fill('Bernardi');
    await page.getByLabel('E-mail').fill('giulia.bernardi@e2e.imagross.test');
    await page.getByLabel('Telefono').fill('347 765 4321');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Ho letto e accetto l’informativa sulla privacy').check();
    await page.getByLabel('Offerte e promozioni').check();
    await page.getByRole('button', { name: 'Crea account' }).click();
    await page.waitForURL(`${baseUrl}/card`);

    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);

    await signInInBrowser(page, baseUrl, { identifier: cardNumber, password });
    expect(new URL(page.url()).pathname).toBe('/card');
    const card = page.locator(`[data-card-number="${cardNumber}"]`);
    await card.waitFor();
    expect(await card.locator('.loyalty-card__holder').innerText()).toBe('Giulia Bernardi');

    const barcode = await loadedSize('barcode');
    expect(barcode.width).toBeGreaterThan(barcode.height);
    const qr = await loadedSize('qr');
    expect(qr.width).toBe(qr.height);
  });

  it('keeps the session across a reload', async () => {
    await page.reload();
    await page.locator(`[data-card-number="${cardNumber}"]`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/card');
  });

  it('refuses the card a second time', async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Numero della carta').fill(cardNumber);
    await page.getByLabel('Nome', { exact: true }).fill('Altra');
    await page.getByLabel('Cognome', { exact: true }).fill('Persona');
    await page.getByLabel('E-mail').fill('altra.persona@e2e.imagross.test');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Ho letto e accetto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Crea account' }).click();
    const field = page.getByLabel('Numero della carta');
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.locator('.field__error').first().innerText()).toBe(
      'Questa carta ha già un account. Accedi o reimposta la password.',
    );
  });
});
