import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { totpAt, totpStep } from '../../src/control/auth/index.js';
import { openSqlite } from '../../src/store/index.js';
import { BUILT, CHROMIUM, LOOPBACK, present, SHOTS } from '../helpers/browser.js';
import { api, login } from '../helpers/control-client.js';
import { baseConfig, LOOPBACK_LISTENER } from '../helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from '../helpers/gateway-in-process.js';
import { type SendOptions, send } from '../helpers/http-client.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startUpstream, type Upstream } from '../helpers/upstream.js';

const PASSWORD = 'correct horse battery staple';

// The test's own requests come from 127.0.0.1 with this agent: a "verified crawler" for the labyrinth, so that
// what the engine finds in them is blocked (403) rather than led into the maze. The intruder of the labyrinth
// check comes through the trusted loopback proxy from another address.
const TEST_AGENT = 'infinisec-dashboard-test';
const INTRUDER = { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' };
const SQLI = "/search?q=1'%20union%20select%20password%20from%20users--";
// A developer's comment explaining UNION: the engine blocks it, the operator knows it is harmless.
const TUTORIAL = JSON.stringify({
  comment: 'In SQL, use: SELECT name FROM users WHERE id = 1 UNION SELECT password FROM admins',
});

describe.skipIf(!present)('the dashboard in a real browser', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;
  let browser: Browser;
  let admin: Page;
  let adminToken: string;
  let adminSecret: string;
  const contexts: BrowserContext[] = [];
  const data = makeTempDir();
  // Requests the page made to anything but loopback, and CSP violations or uncaught errors it reported.
  const offLoopback: string[] = [];
  const pageProblems: string[] = [];

  const fromTest = (path: string, options: SendOptions = {}) =>
    send(`${gateway.url}${path}`, { ...options, headers: { 'user-agent': TEST_AGENT, ...options.headers } });

  const postTutorial = (path: string) =>
    fromTest(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TUTORIAL });

  async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
    contexts.push(context);
    // A missing element fails its step in seconds, naming the locator, not the whole test at its timeout.
    context.setDefaultTimeout(5000);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOOPBACK.has(new URL(url).hostname)) return route.continue();
      offLoopback.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(message.text());
    });
    page.on('pageerror', (error) => pageProblems.push(error.message));
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  const go = async (page: Page, link: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  };

  async function signIn(page: Page, username: string, code?: () => string): Promise<void> {
    await page.goto(`${gateway.controlUrl}/`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (code) {
      const field = page.getByLabel('Authenticator code');
      await field.waitFor();
      await shot(page, 'login-mfa');
      await field.fill(code());
      await page.getByRole('button', { name: 'Verify' }).click();
    }
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('the dashboard is not built: run `npm run build` first');
    mkdirSync(SHOTS, { recursive: true });
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      server: { listeners: [LOOPBACK_LISTENER], trustedProxies: ['127.0.0.1'] },
      store: { driver: 'sqlite', dataDir: data.path, events: { flushMs: 20 } },
      labyrinth: {
        enabled: true,
        secret: 'dashboard-test-secret-0123456789',
        tarpit: { enabled: false },
        goodBots: { userAgents: [TEST_AGENT], ranges: ['127.0.0.1/32'] },
      },
      // The responder would challenge the test's own attacking clients between the tests.
      brain: { agents: { respond: false } },
    });
    const control = gateway.controlUrl;
    const setup = await api(control, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'admin', password: PASSWORD },
    });
    expect(setup.status).toBe(201);
    adminToken = await login(control, 'admin', PASSWORD);
    const viewer = await api(control, 'POST', '/api/users', {
      token: adminToken,
      body: { username: 'viewer', password: PASSWORD, role: 'viewer' },
    });
    expect(viewer.status).toBe(201);
    const enrol = await api(control, 'POST', '/api/auth/mfa/enroll', { token: adminToken });
    adminSecret = enrol.json.secret;
    // The code of the step before: the browser's login can then use the current step's code.
    const confirm = await api(control, 'POST', '/api/auth/mfa/confirm', {
      token: adminToken,
      body: { code: totpAt(adminSecret, totpStep(Date.now()) - 1) },
    });
    expect(confirm.status).toBe(200);
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
    expect(offLoopback).toEqual([]);
    expect(pageProblems).toEqual([]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await gateway?.stop();
    await upstream?.close();
    data.remove();
  });

  it('signs in with a password and a TOTP code, keeping only the refresh token in the tab', async () => {
    admin = await openPage();
    await admin.goto(`${gateway.controlUrl}/`);
    await shot(admin, 'login');
    await signIn(admin, 'admin', () => totpAt(adminSecret, totpStep(Date.now())));
    expect(await admin.getByTestId('whoami').textContent()).toContain('admin');
    // Evaluated in the page (the test itself has no DOM types).
    const stored = await admin.evaluate<{ session: string[]; local: string }>(
      '({ session: Object.keys(sessionStorage), local: Object.values(localStorage).join(" ") })',
    );
    expect(stored.session).toEqual(['infinisec.refreshToken']);
    expect(stored.local).not.toMatch(/eyJ/);
  });

  it('shows an SQL injection in the live feed within 2 s', async () => {
    await go(admin, 'Live feed');
    await admin.getByTestId('stream-status').filter({ hasText: 'Live' }).waitFor();
    const sent = Date.now();
    expect((await fromTest(SQLI)).status).toBe(403);
    const row = admin.getByTestId('event-row').filter({ hasText: '/search' });
    await row.waitFor({ timeout: 2000 });
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(await row.getAttribute('data-action')).toBe('block');
    expect(await row.textContent()).toContain('sqli');
    await shot(admin, 'live-feed');
  });

  it('opens the event, blocks its client in one click, and lifts the block', async () => {
    await admin.getByTestId('event-row').filter({ hasText: '/search' }).getByRole('link').click();
    await admin.getByTestId('event-detail').waitFor();
    const finding = admin.getByTestId('finding-row').filter({ hasText: 'sqli/union-select' });
    expect(await finding.textContent()).toContain('query.q');
    await admin.getByRole('button', { name: 'Block client' }).waitFor();
    await shot(admin, 'event-detail');

    await admin.getByRole('button', { name: 'Block client' }).click();
    await admin.getByTestId('client-decision').waitFor();
    const blocked = await fromTest('/hello');
    expect(blocked.status).toBe(403);

    await admin.getByRole('button', { name: 'Remove decision' }).click();
    await admin.getByRole('button', { name: 'Block client' }).waitFor();
    expect((await fromTest('/hello')).status).toBe(200);
  });

  it('silences a false positive from its event, after which the same request passes', async () => {
    expect((await postTutorial('/comments')).status).toBe(403);
    await go(admin, 'Live feed');
    await admin.getByTestId('event-row').filter({ hasText: '/comments' }).getByRole('link').click();
    const finding = admin.getByTestId('finding-row').filter({ hasText: 'sqli/union-select' });
    await finding.getByRole('button', { name: 'Silence this false positive' }).click();
    const form = admin.getByRole('form', { name: 'Silence a false positive' });
    expect(await form.getByLabel('Site').inputValue()).toBe('app');
    expect(await form.getByLabel('Path prefix').inputValue()).toBe('/comments');
    expect(await form.getByLabel('Location').inputValue()).toBe('body.json.comment');
    expect(await form.getByLabel('Rule').inputValue()).toBe('sqli/union-select');
    await form.getByLabel('Comment').fill('SQL tutorials in comments are fine');
    await shot(admin, 'exclusion-form');
    await form.getByRole('button', { name: 'Add exclusion' }).click();
    await admin.getByTestId('exclusion-added').waitFor();

    expect((await postTutorial('/comments')).status).toBe(200);
    // The exclusion is scoped to its path: the same text elsewhere is still blocked.
    expect((await postTutorial('/profile')).status).toBe(403);
  });

  it("lists the labyrinth's intruders and the path one took through the maze", async () => {
    const entrance = await send(`${gateway.url}${SQLI}`, { headers: INTRUDER });
    const links = [...new Set([...entrance.body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!))];
    const visited = ['/search', ...links.slice(0, 3).map((link) => link.split('?')[0]!)];
    for (const link of links.slice(0, 3)) await send(`${gateway.url}${link}`, { headers: INTRUDER });
    await expect
      .poll(async () => {
        const { json } = await api(gateway.controlUrl, 'GET', '/api/labyrinth/sessions', {
          token: adminToken,
        });
        return json.sessions.find(
          (s: { client: { ip: string } }) => s.client.ip === INTRUDER['x-forwarded-for'],
        )?.pages;
      })
      .toBeGreaterThanOrEqual(visited.length);

    await go(admin, 'Labyrinth');
    const row = admin.getByTestId('intruder-row').filter({ hasText: INTRUDER['x-forwarded-for'] });
    await row.getByRole('link').click();
    const steps = admin.getByTestId('intruder-detail').getByTestId('maze-step');
    await expect.poll(() => steps.count()).toBe(visited.length);
    const paths = await steps.locator('.timeline-path').allTextContents();
    expect(paths.map((p) => p.replace(/^GET /, ''))).toEqual(visited);
    await shot(admin, 'labyrinth');
  });

  it('lists decisions, imports a list and deletes a decision', async () => {
    await go(admin, 'Decisions');
    await admin.getByTestId('empty-state').waitFor();
    const form = admin.getByRole('form', { name: 'Import decisions' });
    await form.getByLabel('List').fill('203.0.113.9\n203.0.113.32/28\nnot-an-address\n');
    await form.getByRole('button', { name: 'Import' }).click();
    expect(await admin.getByTestId('import-result').textContent()).toContain('Added 2, skipped 1');
    const rows = admin.getByTestId('decision-row');
    await expect.poll(() => rows.count()).toBe(2);
    await shot(admin, 'decisions');
    await admin.getByRole('button', { name: 'Delete the decision on 203.0.113.9' }).click();
    await expect.poll(() => rows.count()).toBe(1);
  });

  it('shows incidents with the agents at work, answers a question, and shows the audit trail', async () => {
    await go(admin, 'Incidents');
    const status = admin.getByTestId('brain-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/correlator running/);
    await admin.getByLabel('Ask about events').fill('blocked requests in the last hour');
    await admin.getByRole('button', { name: 'Ask', exact: true }).click();
    const answer = admin.getByTestId('ask-answer');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('"action":"block"');
    await shot(admin, 'incidents');

    await go(admin, 'Audit');
    const chain = admin.getByTestId('chain-status');
    await chain.waitFor();
    expect(await chain.textContent()).toContain('Audit chain intact');
    await admin.getByTestId('audit-row').first().waitFor();
    const trail = await admin.getByTestId('audit-row').allTextContents();
    for (const action of [
      'auth.login',
      'auth.mfa-enable',
      'decision.create',
      'decision.delete',
      'config.exclusion',
    ])
      expect(trail.some((row) => row.includes(action))).toBe(true);
    await shot(admin, 'audit');
  });

  it('edits the configuration with problems shown inline, and manages users and API keys', async () => {
    await go(admin, 'Settings');
    expect(await admin.getByTestId('mfa-status').textContent()).toContain('On');
    await shot(admin, 'settings-account');

    await admin.getByRole('link', { name: 'Configuration' }).click();
    const editor = admin.getByLabel(/^Configuration \(version/);
    await editor.waitFor();
    expect(await editor.inputValue()).toContain('sqli/union-select');
    await admin.getByTestId('exclusion-row').first().waitFor();
    await editor.fill('server:\n  listeners: 5\n');
    await admin.getByRole('button', { name: 'Validate' }).click();
    expect(await admin.getByTestId('problems').textContent()).toContain('listeners');
    await shot(admin, 'settings-config');

    await admin.getByRole('link', { name: 'Users and roles' }).click();
    await expect.poll(() => admin.getByTestId('user-row').count()).toBe(2);
    await shot(admin, 'settings-users');

    await admin.getByRole('link', { name: 'API keys' }).click();
    const keyForm = admin.getByRole('form', { name: 'Create an API key' });
    await keyForm.getByLabel('Name').fill('prometheus');
    await keyForm.getByLabel('metrics:read').check();
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const token = await admin.getByTestId('api-key-token').textContent();
    expect(token).toMatch(/^isk_/);
    const metrics = await send(`${gateway.controlUrl}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(metrics.status).toBe(200);
    await admin.getByTestId('api-key-row').first().waitFor();
    await shot(admin, 'settings-api-keys');
  });

  it('draws the overview in both themes, remembers the choice, and fits a phone', async () => {
    await go(admin, 'Overview');
    await admin.getByRole('img', { name: /Requests, blocked and challenged/ }).waitFor();
    expect(Number(await admin.getByTestId('stat-requests').textContent())).toBeGreaterThan(5);
    expect(await admin.getByRole('list', { name: 'Attacks by category' }).textContent()).toContain('sqli');
    const theme = () => admin.locator('html').getAttribute('data-theme');
    expect(await theme()).toBe('light');
    await shot(admin, 'overview-light');
    await admin.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('dark');
    await shot(admin, 'overview-dark');

    // A reload resumes the session from the refresh token and keeps the chosen theme.
    await admin.reload();
    await admin.getByRole('img', { name: /Requests, blocked and challenged/ }).waitFor();
    expect(await theme()).toBe('dark');

    await admin.setViewportSize({ width: 390, height: 844 });
    const nav = admin.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await shot(admin, 'overview-phone');
    await admin.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.isVisible()).toBe(true);
    await shot(admin, 'menu-phone');
    await nav.getByRole('link', { name: 'Live feed' }).click();
    expect(await nav.isVisible()).toBe(false);
    await admin.getByTestId('event-row').first().waitFor();
    await shot(admin, 'live-feed-phone');
    await admin.setViewportSize({ width: 1280, height: 860 });
  });

  it('gives a viewer no admin action, and no way to reach one', async () => {
    const viewer = await openPage({ colorScheme: 'dark' });
    await signIn(viewer, 'viewer');
    // The system's dark preference is followed until the toggle is used.
    expect(await viewer.locator('html').getAttribute('data-theme')).toBe('dark');
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Overview' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Overview',
      'Live feed',
      'Labyrinth',
      'Decisions',
      'Incidents',
      'Settings',
    ]);

    await go(viewer, 'Live feed');
    await viewer.getByTestId('event-row').filter({ hasText: '/search' }).first().getByRole('link').click();
    await viewer.getByTestId('finding-row').first().waitFor();
    await viewer.getByTestId('client-decisions').getByText('No decision about').waitFor();
    expect(await viewer.getByRole('button', { name: 'Block client' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Silence this false positive' }).count()).toBe(0);
    await shot(viewer, 'event-detail-viewer');

    await go(viewer, 'Decisions');
    await viewer.getByTestId('decision-row').first().waitFor();
    expect(await viewer.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    expect(await viewer.getByRole('form', { name: 'Add a decision' }).count()).toBe(0);

    await go(viewer, 'Settings');
    const tabs = viewer.getByRole('navigation', { name: 'Settings' });
    // allTextContents does not wait: let the page draw its tabs first.
    await tabs.getByRole('link', { name: 'My account' }).waitFor();
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['My account']);
    for (const route of ['#/settings/users', '#/settings/keys', '#/settings/config', '#/audit']) {
      await viewer.goto(`${gateway.controlUrl}/${route}`);
      await viewer.getByTestId('forbidden').waitFor();
      expect(await viewer.getByRole('table').count()).toBe(0);
    }
  });

  it('enrols a second factor from the QR code and shows the recovery codes once', async () => {
    const viewer = contexts.at(-1)!.pages()[0]!;
    await viewer.goto(`${gateway.controlUrl}/#/settings/account`);
    await viewer.getByRole('button', { name: 'Set up an authenticator' }).click();
    await viewer.getByRole('img', { name: /QR code/ }).waitFor();
    await shot(viewer, 'settings-mfa-enrol');
    const secret = (await viewer.getByTestId('mfa-secret').textContent())!;
    await viewer.getByLabel('Code from the app').fill(totpAt(secret, totpStep(Date.now())));
    await viewer.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => viewer.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    await shot(viewer, 'settings-mfa-recovery-codes');
    await viewer.getByRole('button', { name: 'I have saved them' }).click();
    expect(await viewer.getByTestId('mfa-status').textContent()).toContain('10 recovery codes left');

    await viewer.getByRole('button', { name: 'Sign out' }).click();
    await viewer.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(await viewer.evaluate<number>('sessionStorage.length')).toBe(0);
  });

  it('names the entry at which a tampered audit chain breaks', async () => {
    const db = openSqlite(join(data.path, 'infinisec.db'));
    db.exec(`UPDATE audit SET target = 'someone-else' WHERE seq = 3`);
    db.close();
    await go(admin, 'Audit');
    await admin.getByRole('button', { name: 'Verify again' }).click();
    const chain = admin.getByTestId('chain-status').filter({ hasText: 'broken' });
    await chain.waitFor();
    expect(await chain.textContent()).toContain('Audit chain broken at entry 3');
    await shot(admin, 'audit-broken');
  });
});
