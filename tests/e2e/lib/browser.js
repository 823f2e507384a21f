// Drives the portal like a person in Debian's Chromium (playwright-core, never a downloaded browser):
// widgets are found through the app's test hooks (window.portalTest), clicked at their real pixels,
// typed into with real keys; the app state is read back as JSON.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic'];
const READY_TIMEOUT_MS = 30000;
const STATE_TIMEOUT_MS = 10000;

// A persistent context on a fresh user-data-dir: nothing from earlier runs (IndexedDB drafts, service
// workers, caches) leaks in. -> { context, close() }
async function launch(contextOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onb-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1000, height: 700 },
    deviceScaleFactor: 1, ...contextOptions,
  });
  return {
    context,
    async close() { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

// Opens the portal and waits until start-up settled (font and draft storage) and a frame was drawn.
async function openPortal(context, url) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  page.on('console', (m) => { if (m.type() === 'error' || process.env.E2E_VERBOSE) console.log(`[console.${m.type()}]`, m.text()); });
  await page.goto(url);
  await waitReady(page);
  return page;
}

async function waitReady(page) {
  await page.waitForFunction(() => window.portalTest && window.portalTest.ready(), null, { timeout: READY_TIMEOUT_MS });
}

const state = (page) => page.evaluate(() => window.portalTest.state());
const items = (page) => page.evaluate(() => window.portalTest.items());
const find = (page, label) => page.evaluate((l) => window.portalTest.find(l), label);
const hasItem = async (page, label) => (await items(page)).some((i) => i.label === label);

// Frames, not milliseconds: ImGui needs one frame to see a press and one to act on the release.
async function waitFrames(page, n = 2) {
  const start = await page.evaluate(() => window.portalTest.frames());
  await page.waitForFunction((s) => window.portalTest.frames() >= s, start + n, { timeout: 5000 });
}

async function waitState(page, predicate, what, timeout = STATE_TIMEOUT_MS) {
  const t0 = Date.now();
  for (;;) {
    const s = await state(page);
    if (predicate(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(s)}`);
    await page.waitForTimeout(30);
  }
}

async function click(page, label) {
  const r = await find(page, label);
  await page.mouse.click(r.cx, r.cy);
  await waitFrames(page, 2);
  return r;
}

// Replaces a text field's content the way a person does: click, select all, type.
async function replaceText(page, label, text) {
  await click(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await waitFrames(page, 2);
}

// Moves the pointer off every widget and clicks empty space, so no hover or caret shows in screenshots.
async function settle(page) {
  await page.mouse.click(4, 4);
  await waitFrames(page, 3);
}

module.exports = { CHROMIUM, ARGS, launch, openPortal, waitReady, state, items, find, hasItem, waitFrames, waitState, click,
  replaceText, settle };
