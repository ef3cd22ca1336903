import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallenge } from '../../src/defend/index.js';
import { CHROMIUM, present } from '../helpers/browser.js';
import { baseConfig } from '../helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from '../helpers/gateway-in-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startUpstream, type Upstream } from '../helpers/upstream.js';

describe.skipIf(!present)('the challenge in a real browser', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;
  let browser: Browser;
  const data = makeTempDir();

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      // The SQLite store keeps the gateway's key in the data dir: the test signs an expired pass with it.
      store: { driver: 'sqlite', dataDir: data.path },
      defend: {
        decisions: [{ scope: 'cidr', value: '127.0.0.0/8', action: 'challenge', reason: 'test' }],
        challenge: { difficulty: 12, waitMs: 1000 },
      },
    });
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
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await upstream?.close();
    data.remove();
  });

  it('meets the challenge, solves it in a Web Worker and reaches the app', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const challenged = await page.goto(`${gateway.url}/hello?from=browser`);
    expect(challenged?.status()).toBe(403);
    await expect
      .poll(() => page.textContent('body'), { timeout: 15_000 })
      .toContain('"url":"/hello?from=browser"');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'infinisec_pass');
    expect(cookie?.httpOnly).toBe(true);
    // The pass holds: the next page comes straight from the app.
    const reply = await page.goto(`${gateway.url}/again`);
    expect(reply?.status()).toBe(200);
    await context.close();
  });

  it('lets a browser without JavaScript through after the wait', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const first = await page.goto(`${gateway.url}/no-js`);
    expect(first?.status()).toBe(403);
    expect(await page.title()).toBe('Checking your browser');
    await expect.poll(() => page.textContent('body'), { timeout: 15_000 }).toContain('"url":"/no-js"');
    await context.close();
  });

  it('refuses a forged cookie, and a real one carried to another browser', async () => {
    const solved = await browser.newContext();
    const page = await solved.newPage();
    await page.goto(`${gateway.url}/first`);
    // The challenge page is served at the same address: wait for the app's answer instead.
    await expect.poll(() => page.textContent('body'), { timeout: 15_000 }).toContain('"url":"/first"');
    const pass = (await solved.cookies()).find((c) => c.name === 'infinisec_pass')!;
    await solved.close();

    const forged = await browser.newContext({ javaScriptEnabled: false });
    const host = new URL(gateway.url).hostname;
    await forged.addCookies([
      { name: 'infinisec_pass', value: `${pass.value.split('.')[0]}.forged`, domain: host, path: '/' },
    ]);
    const refused = await (await forged.newPage()).goto(`${gateway.url}/x`);
    expect(refused?.status()).toBe(403);
    await forged.close();

    // A pass the gateway really signed, for this very browser, but expired.
    const key = readFileSync(join(data.path, 'labyrinth.key'), 'utf8').trim();
    const signer = createChallenge({
      secret: key,
      difficulty: 12,
      tokenMs: 600_000,
      waitMs: 1000,
      passMs: 3_600_000,
    });
    const userAgent = 'Mozilla/5.0 (expiry test)';
    const expired = await browser.newContext({ javaScriptEnabled: false, userAgent });
    const old = signer.pass({ prefix: '127.0.0.1', userAgent }, Date.now() - 3_600_001);
    await expired.addCookies([{ name: 'infinisec_pass', value: old, domain: host, path: '/' }]);
    const stale = await (await expired.newPage()).goto(`${gateway.url}/x`);
    expect(stale?.status()).toBe(403);
    // The same pass, freshly signed, is accepted: the refusal above was the expiry.
    const fresh = signer.pass({ prefix: '127.0.0.1', userAgent }, Date.now());
    await expired.addCookies([{ name: 'infinisec_pass', value: fresh, domain: host, path: '/' }]);
    const accepted = await (await expired.newPage()).goto(`${gateway.url}/x`);
    expect(accepted?.status()).toBe(200);
    await expired.close();

    const other = await browser.newContext({
      javaScriptEnabled: false,
      userAgent: 'Mozilla/5.0 (another browser)',
    });
    await other.addCookies([{ name: 'infinisec_pass', value: pass.value, domain: host, path: '/' }]);
    const moved = await (await other.newPage()).goto(`${gateway.url}/x`);
    expect(moved?.status()).toBe(403);
    await other.close();
  });
});
