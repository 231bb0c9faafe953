/** Opening dashboard pages in Chromium and reading what they show. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { WEEK } from './seed-dashboard.js';

const artifacts = fileURLToPath(new URL('../../../../test-artifacts/dashboard/', import.meta.url));

/** The URL of a dashboard page with the seeded week as filters. */
export function pageUrl(base: string, page: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ site: 'shop', ...WEEK, ...extra });
  return `${base}/dashboard/${page}?${q}`;
}

/** Waits until no block is loading and every listed selector is present. */
export async function settled(page: Page, ...selectors: string[]): Promise<void> {
  for (const s of selectors) await page.waitForSelector(s, { state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.state.loading'), undefined, { timeout: 15_000 });
}

/** Cell texts of a table (`data-table` name), by row key and column key. */
export async function tableCells(page: Page, name: string): Promise<Record<string, Record<string, string>>> {
  return page.$$eval(`[data-table="${name}"] tbody tr`, (rows) => Object.fromEntries(rows.map((tr) => [
    tr.getAttribute('data-key'),
    Object.fromEntries([...tr.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col'), (c.textContent ?? '').trim()])),
  ])));
}

/** Saves full-page screenshots at laptop and phone widths as test-artifacts/dashboard/<name>-{laptop,phone}.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${artifacts}${name}-laptop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150); // charts resize on the next frame
  await page.screenshot({ path: `${artifacts}${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** en-US number formats, as the dashboard shows them in English. */
export const en = {
  int: (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n),
  dec: (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n),
  pct: (r: number) => new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r),
  money: (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount),
};
