// End-to-end basics of the portal in headless Chromium against the real onboard-server: sign-up, names in
// three scripts kept byte for byte, validation shown as the applicant types, the draft restored after a
// reload, clipboard, keyboard-only sign-in, theme / language / font size, golden screenshots at 1× and 2×,
// and typing on a phone. The whole customer journey is customer.test.js.
// Run: node --test tests/e2e/ (see tests/e2e/README.md).
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('./lib/server');
const B = require('./lib/browser');
const P = require('./lib/portal');
const { compareWithGolden } = require('./lib/golden');

const NAMES = ['Société Générale', 'Ελληνική Εταιρεία', 'ООО Ромашка'];
const TIMEOUT = { timeout: 120000 };

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

// The company step as the goldens show it: a name in three scripts and a date that is not one.
async function fillForGolden(page) {
  await P.fill(page, '/entity/legal_name', 'Société Générale · Ελληνική Εταιρεία · ООО Ромашка');
  await P.fill(page, '/entity/incorporation_date', '2018-02-30');
  await B.settle(page);
}

async function formScreenshot(page, width) {
  const problem = await B.find(page, 'problem:/entity/incorporation_date');
  return page.screenshot({ clip: { x: 0, y: 0, width, height: Math.ceil(problem.y + problem.h + 8) } });
}

describe('portal, desktop at 1×', TIMEOUT, () => {
  let browser, page;
  before(async () => {
    browser = await B.launch();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl.replace(/\/$/, '') });
    page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
  });
  after(async () => { if (browser) await browser.close(); });

  it('starts at sign-in with the Unicode font and open draft storage', async () => {
    const s = await B.state(page);
    assert.equal(s.font, 'ready');
    assert.equal(s.draft, 'no_draft');
    assert.equal(s.screen, 'sign_in');
    for (const label of ['email', 'password', 'auth_submit', 'lang:de', 'theme', 'font_larger']) await B.find(page, label);
  });

  it('refuses a wrong password with the server\'s reason, then signs up with the keyboard alone', async () => {
    await B.replaceText(page, 'email', 'nobody@example.com');
    await B.replaceText(page, 'password', 'wrong password');
    await page.keyboard.press('Enter');
    let s = await B.waitState(page, (st) => st.auth.status === 'failed', 'refused');
    assert.ok(s.auth.error.code.startsWith('auth.'), JSON.stringify(s.auth.error));
    await B.find(page, 'status:auth');
    await P.signUp(page, 'anna@example.com');
    s = await B.state(page);
    assert.equal(s.auth.password, '', 'the password leaves memory once signed in');
  });

  it('keeps Latin, Greek and Cyrillic names exactly as typed', async () => {
    for (const name of NAMES) {
      await P.fill(page, '/entity/legal_name', name);
      assert.ok(!(await B.hasItem(page, 'problem:/entity/legal_name')), 'no problem shown for a valid name');
    }
  });

  it('validates as the applicant types, counts per step, and restores the draft after a reload', async () => {
    await P.fill(page, '/entity/incorporation_date', '2018-02-30');
    await B.find(page, 'problem:/entity/incorporation_date');
    let s = await B.state(page);
    const company = s.report.problems.filter((p) => p.path.startsWith('/entity') && p.severity === 'error').length;
    const label = (await B.items(page)).find((i) => i.label.endsWith('##step:company')).label;
    assert.ok(label.includes(`(${company})`), `step label ${label} shows ${company} errors`);
    await B.waitState(page, (st) => st.draft === 'saved', 'draft saved');
    await page.reload();
    await B.waitReady(page);
    s = await B.waitState(page, (st) => st.draft === 'restored', 'draft restored');
    assert.equal(s.application.entity.legal_name, NAMES[2]);
    assert.equal(s.application.entity.incorporation_date, '2018-02-30');
  });

  it('copies to and pastes from the system clipboard', async () => {
    await B.click(page, '/entity/legal_name');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await B.waitFrames(page, 2);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), NAMES[2]);
    const pasted = 'Ωmega Straße 7 — Ёлка';
    await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    await B.click(page, '/entity/legal_name');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await B.waitState(page, (st) => st.application.entity.legal_name === pasted, 'pasted name');
  });

  it('switches to German, the light theme and a larger font, and keeps them', async () => {
    await B.click(page, 'lang:de');
    await B.click(page, 'theme');
    await B.click(page, 'font_larger');
    await B.click(page, 'font_larger');
    let s = await B.waitState(page, (st) => st.prefs.language === 'de' && st.prefs.theme === 'light', 'prefs');
    assert.equal(s.prefs.font_scale, 1.25);
    assert.ok((await B.items(page)).some((i) => i.label.startsWith('Weiter')), 'German button text');
    await B.waitState(page, (st) => st.prefs_stored, 'preferences durable in IndexedDB');
    await page.reload();
    await B.waitReady(page);
    s = await B.waitState(page, (st) => st.prefs.language === 'de', 'prefs restored');
    assert.equal(s.prefs.theme, 'light');
    await B.click(page, 'lang:en');
    await B.click(page, 'theme');
    await B.click(page, 'font_smaller');
    await B.click(page, 'font_smaller');
    await B.waitState(page, (st) => st.prefs.font_scale === 1 && st.prefs.theme === 'dark', 'prefs back');
  });

  it('draws the company step like the golden image', async () => {
    await fillForGolden(page);
    assert.ok(await B.hasItem(page, 'problem:/entity/incorporation_date'), 'the golden shows a date problem');
    const r = compareWithGolden('form-1x.png', await formScreenshot(page, 1000));
    assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
  });

  it('signs out and back in; the account\'s draft is still there', async () => {
    await B.click(page, 'sign_out');
    let s = await B.waitState(page, (st) => st.screen === 'sign_in', 'signed out');
    assert.equal(s.application.entity.legal_name, '');
    assert.equal(s.auth.email, 'anna@example.com', 'the e-mail is offered again');
    await P.signIn(page, 'anna@example.com');
    s = await B.waitState(page, (st) => st.draft === 'restored', 'signed in, draft back', 20000);
    assert.ok(s.application.entity.legal_name.startsWith('Société'));
  });
});

describe('portal, HiDPI at 2×', TIMEOUT, () => {
  let browser, page;
  before(async () => {
    browser = await B.launch({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
    page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
  });
  after(async () => { if (browser) await browser.close(); });

  it('renders at device pixels and hit-tests in CSS pixels', async () => {
    const canvas = await page.evaluate(() => ({ w: Module.canvas.width, h: Module.canvas.height, cw: Module.canvas.clientWidth, ch: Module.canvas.clientHeight }));
    assert.equal(canvas.w, 2 * canvas.cw);
    assert.equal(canvas.h, 2 * canvas.ch);
    assert.deepEqual((await B.state(page)).viewport, { width: 800, height: 600, pixel_ratio: 2 });
    await P.signUp(page, 'hidpi@example.com');
    await P.fill(page, '/entity/legal_name', 'Köln GmbH');
  });

  it('draws the company step crisply, like the 2× golden image', async () => {
    await fillForGolden(page);
    const r = compareWithGolden('form-2x.png', await formScreenshot(page, 800));
    assert.ok(r.diffPixels <= 4 * r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
  });

  it('follows a resize', async () => {
    await page.setViewportSize({ width: 640, height: 480 });
    const s = await B.waitState(page, (st) => st.viewport.width === 640, 'resized viewport');
    assert.deepEqual(s.viewport, { width: 640, height: 480, pixel_ratio: 2 });
    assert.equal(await page.evaluate(() => Module.canvas.width), 1280);
  });
});

describe('portal, phone (touch, virtual keyboard)', TIMEOUT, () => {
  let browser, page;
  before(async () => {
    browser = await B.launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
  });
  after(async () => { if (browser) await browser.close(); });

  it('a tap on a field opens the keyboard, and its text arrives', async () => {
    const r = await B.find(page, 'email');
    await page.touchscreen.tap(r.cx, r.cy);
    await B.waitFrames(page, 2);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'onb-text-input');
    await page.keyboard.insertText('ёлка@example.com');  // what a virtual keyboard or an IME commits
    await B.waitState(page, (st) => st.auth.email === 'ёлка@example.com', 'virtual-keyboard text');
  });
});
