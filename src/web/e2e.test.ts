/**
 * The dashboard in headless Chromium against a real `serve()`: articles go
 * in through POST /articles, every view is opened, a filter is applied and
 * an event is followed to its sentence in the reader. Screenshots land in
 * test-results/screenshots/ for a human to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, HTML_PAGE } from '../api/testing/fixtures.js';
import { startServer, type TestServer } from '../api/testing/server.js';

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const TOKEN = 'e2e-token';
const available = existsSync(CHROMIUM);

if (!available && !process.env.CI) {
  console.warn(
    `\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set PARLEY_CHROMIUM to run the dashboard tests.\n`,
  );
}

describe('chromium', () => {
  // In CI a missing browser is a broken runner, not a reason to pass quietly.
  it.runIf(!!process.env.CI)('is installed for the end-to-end tests', () => {
    expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install the Debian chromium package`).toBe(true);
  });
});

describe.skipIf(!available)('dashboard in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let page: Page;
  let webRoot: string;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'parley-dist-web-'));
    await build({
      configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
      build: { outDir: webRoot, emptyOutDir: true },
      logLevel: 'warn',
    });
    server = await startServer({ token: TOKEN, webRoot, fill: false });
    for (const a of ARTICLES) {
      const res = await fetch(`${server.url}/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(a),
      });
      expect(res.status).toBe(201);
    }
    const html = await fetch(`${server.url}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` },
      body: HTML_PAGE,
    });
    expect(html.status).toBe(201);

    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
    // A fresh profile per run: nothing cached or remembered from an earlier run can make a view pass.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [webRoot, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const settled = async () => {
    await page.waitForSelector('main:not([aria-busy])');
    await page.waitForLoadState('networkidle');
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('draws the timeline with a date brush', async () => {
    await page.goto(`${server.url}/`);
    await settled();
    const chart = page.getByTestId('timeline-chart');
    await expect(chart.locator('canvas').count()).resolves.toBeGreaterThan(0);
    const box = await chart.boundingBox();
    expect(box?.height).toBeGreaterThan(300);
    await expect(page.locator('[data-view="timeline"] .hint').first().textContent()).resolves.toMatch(
      /\d+ events by type/,
    );
    await shot('1-timeline');
  });

  it('draws the actor network and opens an actor page', async () => {
    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await settled();
    expect(page.url()).toContain('view=network');
    await expect(page.getByTestId('network-chart').locator('canvas').count()).resolves.toBeGreaterThan(0);
    await shot('2-network');
    await page.goto(`${server.url}/?view=actor&id=UKR`);
    await settled();
    await expect(page.locator('h2').first().textContent()).resolves.toContain('Ukraine');
    await expect(page.getByTestId('actor-facts').textContent()).resolves.toMatch(/as source/);
    await expect(page.locator('.partners li').count()).resolves.toBeGreaterThan(0);
    await shot('2b-actor');
  });

  it('shows an honest empty stance matrix when the store has no stances', async () => {
    await page.getByRole('link', { name: 'Stances', exact: true }).click();
    await settled();
    const stances = (await (await fetch(`${server.url}/stats`)).json()) as { stances: number };
    if (stances.stances === 0) {
      await expect(page.locator('.empty').textContent()).resolves.toMatch(/No stances recorded yet/);
    } else {
      await expect(page.getByTestId('stance-matrix').locator('canvas').count()).resolves.toBeGreaterThan(0);
    }
    await shot('3-stances');
  });

  it('lists the aid ledger and opens a donor to its pledges and sentences', async () => {
    await page.getByRole('link', { name: 'Aid ledger', exact: true }).click();
    await settled();
    const germany = page.locator('details', { hasText: 'Germany' });
    await germany.locator('summary').click();
    await expect(germany.locator('blockquote').first().textContent()).resolves.toContain('500 million euros');
    await shot('4-ledger');
  });

  it('applies a filter to the events table and keeps it in the URL', async () => {
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await settled();
    const all = await page.locator('tr[data-event]').count();
    await page.locator('input[name="actor"]').fill('RUS');
    await page.getByRole('button', { name: 'Apply' }).click();
    await settled();
    expect(new URL(page.url()).searchParams.get('actor')).toBe('RUS');
    const filtered = await page.locator('tr[data-event]').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    // The URL alone restores the filtered view.
    await page.goto(page.url());
    await settled();
    await expect(page.locator('input[name="actor"]').inputValue()).resolves.toBe('RUS');
    await expect(page.locator('tr[data-event]').count()).resolves.toBe(filtered);
    await shot('6-events-filtered');
  });

  it('follows an event to its sentence in the article reader', async () => {
    const row = page.locator('tr[data-event]').first();
    const eventId = await row.getAttribute('data-event');
    const trigger = (await row.locator('b.trigger').textContent()) ?? '';
    await row.locator('ul.mentions a').first().click();
    await settled();
    expect(page.url()).toContain('view=reader');
    expect(page.url()).toContain(`event=${eventId}`);
    const selected = page.locator('.article-text .selected');
    await expect(selected.count()).resolves.toBeGreaterThan(0);
    const sentence = (await selected.allTextContents()).join('');
    expect(sentence).toContain(trigger);
    await expect(selected.first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.article-text .mention').count()).resolves.toBeGreaterThan(0);
    await shot('5-reader');
  });

  it('raised no script errors on any view', () => {
    expect(pageErrors).toEqual([]);
  });
});
