// Headless Debian Chromium for the browser tests, and a page of the portal signed in as the guest.
import { chromium, type Browser, type Page } from 'playwright-core';

/** Chromium with a fresh temporary profile (playwright-core's own), no network beyond loopback use. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A 1400 × 1000 page of the portal at `url`, signed in through the guest provider, 30 s per action. */
export async function signedInPage(browser: Browser, url: string, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, ...options });
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await page.getByRole('button', { name: /enter/i }).click();
  await page.getByText(/homelab|catalog/i).first().waitFor();
  return page;
}
