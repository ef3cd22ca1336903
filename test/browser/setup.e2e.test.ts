import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CHROMIUM, present } from '../helpers/browser.js';
import { api } from '../helpers/control-client.js';
import { baseConfig } from '../helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from '../helpers/gateway-in-process.js';
import { startUpstream, type Upstream } from '../helpers/upstream.js';

describe.skipIf(!present)('first run in a real browser', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('the dashboard is not built: run `npm run build`');
    upstream = await startUpstream();
    gateway = await startInProcess(baseConfig(upstream.url));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await upstream?.close();
  });

  it('creates the first admin from the setup link, signs in, and the link works only once', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${gateway.controlUrl}/#/setup/not-the-token`);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Password again').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/setup token does not match/);

    await page.goto(`${gateway.controlUrl}/#/setup/${gateway.setupToken}`);
    await page.reload();
    await page.getByLabel('Username').fill('first-admin');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Password again').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(page.url()).not.toContain(gateway.setupToken!);

    const again = await api(gateway.controlUrl, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'second', password: 'correct horse battery staple' },
    });
    expect(again.status).toBe(409);
    await page.close();
  });
});
