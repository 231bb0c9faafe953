/** Screenshots of key pages, kept in `test-artifacts/` (git-ignored) for people to look at. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const dir = fileURLToPath(new URL('../../../test-artifacts/e2e/', import.meta.url));

/** Saves a full-page PNG as `test-artifacts/e2e/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png`, fullPage: true });
}
