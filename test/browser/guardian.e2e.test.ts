import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { Pool } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ConfigInput } from '../../src/config/index.js';
import { CATALOGS } from '../../src/guardian/compliance/index.js';
import { BUILT, CHROMIUM, LOOPBACK, present, SHOTS } from '../helpers/browser.js';
import { api, login } from '../helpers/control-client.js';
import { baseConfig } from '../helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from '../helpers/gateway-in-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startUpstream, type Upstream } from '../helpers/upstream.js';

// Change requests, configuration versions, compliance reports and data subject requests in the dashboard,
// against a real gateway with approvals on: one operator asks for a risky change, another approves it.

const PASSWORD = 'correct horse battery staple';
const VISITORS = Array.from({ length: 5 }, (_, i) => `198.51.100.${i + 1}`);
const TARGETED = '198.51.100.3';
const ERASED = '198.51.100.5';
// Five visitors' three benign requests each, and one attack.
const SAMPLED = VISITORS.length * 3 + 1;
const SOC2 = CATALOGS.soc2.controls;

describe.skipIf(!present)('change requests, reports and privacy in a real browser', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;
  let pool: Pool;
  let browser: Browser;
  let base: ConfigInput;
  let adminToken: string;
  let firstVersion: number;
  let changeId: string;
  const contexts: BrowserContext[] = [];
  const data = makeTempDir();
  // Requests any page made to anything but loopback, and CSP violations or uncaught errors it reported.
  const offLoopback: string[] = [];
  const pageProblems: string[] = [];

  const hit = async (path: string, ip: string) => {
    const reply = await pool.request({ method: 'GET', path, headers: { 'x-forwarded-for': ip } });
    await reply.body.dump();
    return reply.statusCode;
  };

  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(message.text());
    });
    page.on('pageerror', (error) => pageProblems.push(error.message));
  };

  async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
    contexts.push(context);
    context.setDefaultTimeout(5000);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
      offLoopback.push(url.href);
      return route.abort();
    });
    // Tabs the dashboard opens (the printable report) are watched like the dashboard itself.
    context.on('page', watch);
    return context.newPage();
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `guardian-${name}.png`), fullPage: true });

  const go = (page: Page, link: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();

  async function signIn(username: string, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await openPage(options);
    await page.goto(`${gateway.controlUrl}/`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Visible at any width (the navigation folds behind a menu on a phone).
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  const addUser = async (username: string, role: string) => {
    const made = await api(gateway.controlUrl, 'POST', '/api/users', {
      token: adminToken,
      body: { username, password: PASSWORD, role },
    });
    expect(made.status).toBe(201);
  };

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('the dashboard is not built: run `npm run build` first');
    mkdirSync(SHOTS, { recursive: true });
    upstream = await startUpstream();
    const plain = baseConfig(upstream.url);
    base = {
      ...plain,
      server: { ...plain.server, trustedProxies: ['127.0.0.1'] },
      store: { driver: 'sqlite', dataDir: data.path, events: { flushMs: 20 } },
      guardian: { approvals: { enabled: true }, samples: { rate: 1 } },
      brain: { agents: { respond: false } },
    };
    gateway = await startInProcess(base);
    pool = new Pool(gateway.url, { connections: 4 });
    const control = gateway.controlUrl;
    const setup = await api(control, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'admin', password: PASSWORD },
    });
    expect(setup.status).toBe(201);
    adminToken = await login(control, 'admin', PASSWORD);
    await addUser('oscar', 'operator');
    await addUser('olive', 'operator');
    await addUser('ana', 'analyst');

    for (const ip of VISITORS)
      for (const path of ['/', '/products?q=red+shoes', '/about']) expect(await hit(path, ip)).toBe(200);
    expect(
      await hit(`/search?q=${encodeURIComponent("1' union select password from users--")}`, '203.0.113.9'),
    ).toBe(403);
    const unchanged = { kind: 'config', text: JSON.stringify(base) };
    // The sample is written asynchronously: wait (bounded) until the preview replays every request.
    let samples: number | undefined;
    for (let i = 0; i < 100 && samples !== SAMPLED; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const preview = await api(control, 'POST', '/api/changes/preview', {
        token: adminToken,
        body: unchanged,
      });
      samples = preview.json?.preview?.samples;
    }
    expect(samples).toBe(SAMPLED);
    firstVersion = (await api(control, 'GET', '/api/config/versions', { token: adminToken })).json.versions[0]
      .version;

    // Oscar blocks one benign visitor: three sampled requests would now be stopped, so it waits for approval.
    const oscar = await login(control, 'oscar', PASSWORD);
    const stricter = { ...base, defend: { decisions: [{ scope: 'ip', value: TARGETED, action: 'block' }] } };
    const applied = await api(control, 'POST', '/api/config/apply?comment=block+a+scraper', {
      token: oscar,
      raw: { type: 'application/yaml', text: stringify(stricter) },
    });
    expect(applied.status).toBe(202);
    expect(applied.json.change).toMatchObject({ status: 'pending', impact: 'high', requester: 'user:oscar' });
    changeId = applied.json.change.id;

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

  afterEach(() => {
    // Each test answers for its own problems only.
    const seen = { offLoopback: offLoopback.splice(0), pageProblems: pageProblems.splice(0) };
    expect(seen).toEqual({ offLoopback: [], pageProblems: [] });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await pool?.destroy();
    await gateway?.stop();
    await upstream?.close();
    data.remove();
  });

  it('shows the requester their pending change, with Approve disabled and the reason why', async () => {
    const oscar = await signIn('oscar');
    await go(oscar, 'Approvals');
    const row = oscar.getByTestId('change-row').filter({ hasText: 'user:oscar' });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('pending');
    expect(await row.textContent()).toContain('high impact');
    expect(await row.textContent()).toContain('0/1');
    await row.getByRole('link').click();
    await oscar.getByTestId('change-detail').waitFor();
    const approve = oscar.getByRole('button', { name: 'Approve' });
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    expect(await oscar.getByTestId('vote-blocked').textContent()).toContain('someone else must approve it');
    expect(await oscar.getByRole('button', { name: 'Withdraw' }).isEnabled()).toBe(true);
    await shot(oscar, 'change-requester');
  });

  it('lets another operator read the preview and the diff, approve the change, and see it applied', async () => {
    const olive = await signIn('olive');
    await go(olive, 'Approvals');
    await olive.getByTestId('change-row').filter({ hasText: 'user:oscar' }).getByRole('link').click();
    expect(await olive.evaluate<string>('location.hash')).toBe(`#/approvals/${changeId}`);
    const preview = olive.getByTestId('impact-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('stat-samples-replayed').textContent()).toBe(String(SAMPLED));
    expect(await preview.getByTestId('stat-changed').textContent()).toBe('3');
    expect(await preview.getByTestId('stat-stricter').textContent()).toBe('3');
    expect(await preview.getByTestId('stat-looser').textContent()).toBe('0');
    const shifts = preview.getByTestId('shift-row');
    expect(await shifts.count()).toBe(1);
    expect((await shifts.first().textContent())?.replace(/\s+/g, ' ')).toMatch(/allow ?block ?3/);
    const examples = preview.getByTestId('example-row');
    expect(await examples.count()).toBe(3);
    for (const text of await examples.allTextContents()) expect(text).toMatch(/GET \/.*allow.*block/);
    expect(await olive.getByTestId('change-reasons').textContent()).toContain('would stop 3 requests');

    const added = olive.getByTestId('diff').locator('.diff-add').filter({ hasText: TARGETED });
    expect(await added.count()).toBe(1);
    expect(await added.textContent()).toMatch(/^\+\s+value: 198\.51\.100\.3/);
    await shot(olive, 'change-detail');

    expect(await hit('/', TARGETED)).toBe(200);
    await olive.getByLabel('Comment (optional)').fill('checked the scraper');
    await olive.getByRole('button', { name: 'Approve' }).click();
    const outcome = olive.getByTestId('vote-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(`Approved and applied as version ${firstVersion + 1}.`);
    expect(await olive.getByTestId('change-status').first().textContent()).toBe('applied');
    expect(await olive.getByTestId('vote').textContent()).toContain('checked the scraper');
    expect(await olive.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await hit('/', TARGETED)).toBe(403);

    await go(olive, 'Approvals');
    const row = olive.getByTestId('change-row').filter({ hasText: 'user:oscar' });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('applied');

    // The requester's page still shows it pending: withdrawing it now is refused, in the API's own words.
    const oscar = contexts[0]!.pages()[0]!;
    await oscar.getByRole('button', { name: 'Withdraw' }).click();
    const refusal = oscar.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('this change request is no longer pending');
  });

  it('shows what a version changed, and rolls back to the one before through a change request', async () => {
    const olive = contexts.at(-1)!.pages()[0]!;
    await go(olive, 'Settings');
    await olive.getByRole('link', { name: 'Configuration' }).click();
    const newest = firstVersion + 1;
    await olive.getByRole('button', { name: `Diff of version ${newest}` }).click();
    const diff = olive.getByTestId('config-version-diff');
    await diff.waitFor();
    expect(await diff.getByRole('heading').textContent()).toBe(`Version ${firstVersion} → version ${newest}`);
    expect(await diff.locator('.diff-add').filter({ hasText: TARGETED }).count()).toBe(1);
    await shot(olive, 'config-diff');

    // The running version has nothing to roll back to.
    expect(await olive.getByRole('button', { name: `Roll back to version ${newest}` }).count()).toBe(0);
    await olive.getByRole('button', { name: `Roll back to version ${firstVersion}` }).click();
    const confirm = olive.getByRole('form', { name: `Roll back to version ${firstVersion}` });
    await confirm.getByLabel('Comment').fill('the scraper was a partner');
    await confirm.getByRole('button', { name: 'Roll back to this version' }).click();
    // Letting the targeted visitor through again is high impact: it waits for an approver.
    const outcome = olive.getByTestId('change-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Waiting for approval (0/1)');
    await shot(olive, 'config-rollback');
    await outcome.getByRole('link', { name: 'open the change request' }).click();
    await olive.getByTestId('change-detail').waitFor();
    expect(await olive.getByTestId('change-facts').textContent()).toContain('rollback');
    expect(await olive.getByTestId('change-status').first().textContent()).toBe('pending');
    // At least the three requests it sent before the block, and any it sent since that were sampled in time.
    expect(Number(await olive.getByTestId('stat-looser').textContent())).toBeGreaterThanOrEqual(3);
    expect(await olive.getByTestId('change-reasons').textContent()).toMatch(/would let through \d+ requests/);
    expect(await hit('/', TARGETED)).toBe(403);
  });

  it('shows the controls of SOC 2 with their statuses and evidence', async () => {
    const olive = contexts.at(-1)!.pages()[0]!;
    await go(olive, 'Reports');
    await olive.getByRole('navigation', { name: 'Framework' }).getByRole('link', { name: 'SOC 2' }).click();
    const report = olive.getByTestId('compliance-report');
    await report.waitFor();
    const rows = report.getByTestId('control-row');
    await expect.poll(() => rows.count()).toBe(SOC2.length);
    const ids = await rows.locator('td:first-child').allTextContents();
    expect(ids).toEqual(SOC2.map((c) => c.id));
    for (const status of await rows.getByTestId('compliance-status').allTextContents())
      expect(['pass', 'warn', 'fail', 'info']).toContain(status);
    const counted = await Promise.all(
      ['pass', 'warn', 'fail', 'info'].map(async (s) =>
        Number(await report.getByTestId(`stat-${s}`).textContent()),
      ),
    );
    expect(counted.reduce((a, b) => a + b, 0)).toBe(SOC2.length);
    expect(await report.getByTestId('evidence-item').count()).toBeGreaterThan(0);
    await shot(olive, 'reports-soc2');
  });

  it('downloads the printable report, and opens it styled in a new tab', async () => {
    const olive = contexts.at(-1)!.pages()[0]!;
    const [download] = await Promise.all([
      olive.waitForEvent('download'),
      olive.getByRole('button', { name: 'Download HTML' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^compliance-soc2-\d{4}-\d{2}-\d{2}\.html$/);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toMatch(/<h1>[^<]*SOC 2/);

    // A page opened from the dashboard keeps the dashboard's policy: the report's stylesheet must be allowed.
    const [tab] = await Promise.all([
      olive.context().waitForEvent('page'),
      olive.getByRole('button', { name: 'Open printable report' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:/);
    expect(await tab.locator('h1').textContent()).toContain('SOC 2');
    // The page's own stylesheet applies in the new tab.
    expect(await tab.evaluate<string>('getComputedStyle(document.body).maxWidth')).toBe('960px');
    await tab.close();
  });

  it('gives an analyst the approvals and reports to read, but no vote and no privacy panel', async () => {
    const ana = await signIn('ana', { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
    await ana.getByRole('button', { name: 'Menu' }).click();
    const nav = ana.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Overview' }).waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toContain('Approvals');
    expect(links).toContain('Reports');
    await nav.getByRole('link', { name: 'Approvals' }).click();
    const pending = ana.getByTestId('change-row').filter({ hasText: 'user:olive' });
    await pending.waitFor();
    await shot(ana, 'approvals-phone-dark');
    await pending.getByRole('link').click();
    await ana.getByTestId('impact-preview').waitFor();
    expect(await ana.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await ana.getByRole('form', { name: 'Approve or reject' }).count()).toBe(0);

    await ana.goto(`${gateway.controlUrl}/#/settings/account`);
    const tabs = ana.getByRole('navigation', { name: 'Settings' });
    await tabs.getByRole('link', { name: 'My account' }).waitFor();
    expect(await tabs.getByRole('link').allTextContents()).not.toContain('Privacy');
    await ana.goto(`${gateway.controlUrl}/#/settings/privacy`);
    await ana.getByTestId('forbidden').waitFor();
    expect(await ana.getByRole('form', { name: 'Data subject request' }).count()).toBe(0);
  });

  it('exports and, once confirmed, erases what is kept about an address', async () => {
    const admin = await signIn('admin');
    await go(admin, 'Settings');
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Privacy' }).click();
    const form = admin.getByRole('form', { name: 'Data subject request' });
    await form.getByLabel('Address').fill(ERASED);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      form.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`infinisec-privacy-ip-${ERASED}.json`);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.subject).toEqual({ ip: ERASED });
    expect(exported.samples.items.length).toBe(3);
    await admin.getByTestId('privacy-exported').waitFor();

    await form.getByRole('button', { name: 'Erase…' }).click();
    const confirm = admin.getByRole('form', { name: 'Confirm the erasure' });
    const erase = confirm.getByRole('button', { name: 'Erase' });
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByLabel(`Type ${ERASED} to confirm`).fill('198.51.100.50');
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByLabel(`Type ${ERASED} to confirm`).fill(ERASED);
    await shot(admin, 'privacy-erase');
    await erase.click();
    const result = admin.getByTestId('erasure-result');
    await result.waitFor();
    const samples = result.getByTestId('erasure-count').filter({ hasText: 'samples' });
    expect(await samples.locator('td.num').textContent()).toBe('3');
    await shot(admin, 'privacy-erased');

    const after = await api(gateway.controlUrl, 'POST', '/api/privacy/export', {
      token: adminToken,
      body: { ip: ERASED },
    });
    expect(after.json.samples.items).toEqual([]);
  });
});
