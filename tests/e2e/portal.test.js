// End-to-end: the portal in headless Chromium against the real onboard-server. Types names in three
// scripts, picks a country, watches the VAT problem come and go as it types, submits and reads the draft
// back from the server, restores a draft after reload, copies and pastes, compares the form with golden
// screenshots at 1× and 2× pixel ratio, types on a phone, and opens offline from the service worker.
// Run: node --test tests/e2e/ (see tests/e2e/README.md).
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('./lib/server');
const B = require('./lib/browser');
const { compareWithGolden } = require('./lib/golden');

const NAMES = ['Société Générale', 'Ελληνική Εταιρεία', 'ООО Ромашка'];
const TIMEOUT = { timeout: 90000 };

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

async function getDraft(id) {
  const res = await fetch(new URL(`v1/drafts/${encodeURIComponent(id)}`, server.baseUrl), { signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 200, `GET /v1/drafts/${id}`);
  return res.json();
}

// The form as the goldens show it: a name in all three scripts and a VAT number with the wrong prefix.
async function fillForGolden(page) {
  await B.replaceText(page, 'Legal name', 'Société Générale · Ελληνική Εταιρεία · ООО Ромашка');
  await pickCountry(page, 'Fran', 'France (FR)');
  await B.replaceText(page, 'VAT number', 'DE40303265045');
  await B.waitState(page, (s) => s.form.vat_number === 'DE40303265045', 'VAT typed');
  await B.settle(page);
}

async function pickCountry(page, filter, label) {
  await B.click(page, 'Country');
  await page.keyboard.type(filter);  // the filter field has the keyboard as the list opens
  await B.waitFrames(page, 2);
  await B.click(page, label);
}

// A clip from the window's top-left corner to just below the buttons: the whole form, no status lines.
async function formScreenshot(page) {
  const submit = await B.find(page, 'Submit');
  return page.screenshot({ clip: { x: 0, y: 0, width: 760, height: Math.ceil(submit.y + submit.h + 12) } });
}

describe('portal, desktop at 1×', TIMEOUT, () => {
  let browser, page;
  before(async () => {
    browser = await B.launch();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl.replace(/\/$/, '') });
    page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
  });
  after(async () => { if (browser) await browser.close(); });

  it('starts with the Unicode font, an empty form and open draft storage', async () => {
    const s = await B.state(page);
    assert.equal(s.font, 'ready');
    assert.equal(s.draft, 'no_draft');
    assert.deepEqual(s.form, { legal_name: '', country: '', vat_number: '' });
    for (const label of ['Legal name', 'Country', 'VAT number', 'Save draft', 'Submit']) await B.find(page, label);
  });

  it('keeps Latin, Greek and Cyrillic names exactly as typed', async () => {
    for (const name of NAMES) {
      await B.replaceText(page, 'Legal name', name);
      const s = await B.waitState(page, (st) => st.form.legal_name === name, `legal name "${name}"`);
      assert.equal(s.form.legal_name, name);
      assert.ok(!(await B.hasItem(page, 'problem:/legal_name')), 'no problem shown for a valid name');
    }
  });

  it('validates the VAT number as the applicant types', async () => {
    await pickCountry(page, 'Fran', 'France (FR)');
    let s = await B.waitState(page, (st) => st.form.country === 'FR', 'country FR');
    await B.replaceText(page, 'VAT number', 'DE40303265045');
    s = await B.waitState(page, (st) => st.form.vat_number === 'DE40303265045', 'bad VAT typed');
    assert.deepEqual(s.problems.map((p) => p.code), ['vat.country_mismatch']);
    const shown = await B.find(page, 'problem:/vat_number');
    const field = await B.find(page, 'VAT number');
    assert.ok(shown.y >= field.y + field.h - 1, 'the problem is drawn under the VAT field');

    await B.replaceText(page, 'VAT number', 'FR40303265045');
    s = await B.waitState(page, (st) => st.form.vat_number === 'FR40303265045', 'fixed VAT typed');
    assert.deepEqual(s.problems, []);
    assert.ok(!(await B.hasItem(page, 'problem:/vat_number')), 'the problem is gone once fixed');
  });

  it('submits each name to POST /v1/drafts and the server stores it byte for byte', async () => {
    for (const name of NAMES) {
      await B.replaceText(page, 'Legal name', name);
      await B.waitState(page, (st) => st.form.legal_name === name, `legal name "${name}"`);
      await B.click(page, 'Submit');
      const s = await B.waitState(page, (st) => st.submission.status !== 'sending' && st.submission.status !== 'not_sent', 'reply');
      assert.equal(s.submission.status, 'stored', JSON.stringify(s.submission));
      assert.match(s.submission.draft_id, /^[0-9a-z_-]{8,}$/i);
      assert.ok(await B.hasItem(page, 'status:submission'), 'the stored id is shown');
      const stored = await getDraft(s.submission.draft_id);
      assert.equal(stored.id, s.submission.draft_id);
      assert.equal(stored.draft.legal_name, name);
      assert.deepEqual(stored.draft, { legal_name: name, country: 'FR', vat_number: 'FR40303265045' });
    }
  });

  it('restores a saved draft after a reload', async () => {
    await B.click(page, 'Save draft');
    await B.waitState(page, (st) => st.draft === 'saved', 'draft saved');
    await page.reload();
    await B.waitReady(page);
    const s = await B.waitState(page, (st) => st.draft === 'restored', 'draft restored');
    assert.deepEqual(s.form, { legal_name: NAMES[2], country: 'FR', vat_number: 'FR40303265045' });
  });

  it('copies to and pastes from the system clipboard', async () => {
    await B.click(page, 'Legal name');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await B.waitFrames(page, 2);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), NAMES[2]);

    const pasted = 'Ωmega Straße 7 — Ёлка';
    await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    await B.click(page, 'Legal name');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    const s = await B.waitState(page, (st) => st.form.legal_name === pasted, 'pasted name');
    assert.equal(s.form.legal_name, pasted);
  });

  it('draws the form like the golden image', async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(server.baseUrl + '?nosw');  // same browser: the draft saved above is restored
    await B.waitReady(fresh);
    await fillForGolden(fresh);
    assert.ok(await B.hasItem(fresh, 'problem:/vat_number'), 'the golden shows a VAT problem');
    const r = compareWithGolden('form-1x.png', await formScreenshot(fresh));
    assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
    await fresh.close();
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
    const s = await B.state(page);
    assert.deepEqual(s.viewport, { width: 800, height: 600, pixel_ratio: 2 });
    await B.replaceText(page, 'Legal name', 'Köln GmbH');
    await B.waitState(page, (st) => st.form.legal_name === 'Köln GmbH', 'typing at 2×');
  });

  it('draws the form crisply, like the 2× golden image', async () => {
    await fillForGolden(page);
    const r = compareWithGolden('form-2x.png', await formScreenshot(page));
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
    const r = await B.find(page, 'Legal name');
    await page.touchscreen.tap(r.cx, r.cy);
    await B.waitFrames(page, 2);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'onb-text-input');
    await page.keyboard.insertText('ООО Ромашка');  // what a virtual keyboard or an IME commits
    await B.waitState(page, (st) => st.form.legal_name === 'ООО Ромашка', 'virtual-keyboard text');
  });
});

describe('portal, offline after one visit (service worker)', TIMEOUT, () => {
  let browser, page;
  before(async () => {
    browser = await B.launch();
    page = await B.openPortal(browser.context, server.baseUrl);
  });
  after(async () => { if (browser) await browser.close(); });

  it('opens from the cache offline, and the API fails visibly instead of from cache', async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await browser.context.setOffline(true);
    await page.reload();
    await B.waitReady(page);
    let s = await B.state(page);
    assert.equal(s.font, 'ready', 'the font came from the shell cache');
    await B.replaceText(page, 'Legal name', 'ООО Ромашка');
    await B.click(page, 'Submit');
    s = await B.waitState(page, (st) => st.submission.status !== 'sending' && st.submission.status !== 'not_sent', 'offline reply');
    assert.equal(s.submission.status, 'unreachable', JSON.stringify(s.submission));
    await browser.context.setOffline(false);
  });
});
