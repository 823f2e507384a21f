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

// ---- keyboard alone
// A page marked with keyboardOnly() is driven like a person without a mouse: click() reaches the widget
// with Tab (text fields, while typing in one) or the arrow keys (everything else; Enter goes into a list
// panel) and presses Enter; replaceText() reaches the field, selects all and types. The mouse is never
// used on it: settle() only waits.
const keyboardPages = new WeakSet();
function keyboardOnly(page) {
  keyboardPages.add(page);
  for (const m of ['click', 'dblclick', 'down', 'up', 'wheel']) {
    page.mouse[m] = async () => { throw new Error(`keyboard only: mouse.${m} was used`); };
  }
}
const MAX_KEYS = 60;  // to reach one widget: a person would not press more either
const focused = (page) => page.evaluate(() => window.portalTest.focused());

// The next key toward `t` from the focus `f`.
function keyToward(f, t, path, stuck) {
  if (!f) return t.tab_stop ? 'Tab' : 'ArrowDown';
  if (f.editing) {
    if (t.tab_stop && f.order >= 0) return t.order > f.order ? 'Tab' : 'Shift+Tab';
    return t.cy >= f.cy ? 'ArrowDown' : 'ArrowUp';  // leaves the field (Left/Right would move the caret)
  }
  if (t.tab_stop) return 'Tab';  // from a button, Tab goes to the first field; from there field by field
  const inside = t.cx >= f.x && t.cx <= f.x + f.w && t.cy >= f.y && t.cy <= f.y + f.h;
  if (f.label === '' && inside) return 'Enter';  // a list panel: Enter goes in, the arrows move inside
  const horizontal = t.cx > f.cx ? 'ArrowRight' : 'ArrowLeft';
  // The arrows stop at the edge of a list panel: Escape leaves it.
  if (stuck && path[path.length - 1] === horizontal && f.window.startsWith(`${t.window}/`) && !inside) return 'Escape';
  // Along the column; across when the target lies between two rows of this one (Down and Up bounce).
  const [a, b] = path.slice(-2);
  const bouncing = (a === 'ArrowDown' && b === 'ArrowUp') || (a === 'ArrowUp' && b === 'ArrowDown');
  const dy = t.cy - f.cy;
  if (!bouncing && Math.abs(dy) > Math.min(f.h, t.h) / 2) return dy > 0 ? 'ArrowDown' : 'ArrowUp';
  return horizontal;
}

// Moves the keyboard focus onto `label` and returns its place; how many keys it took is in `.keys`.
async function reach(page, label) {
  const path = [];
  let before = null;
  for (let n = 0; n <= MAX_KEYS; n++) {
    const t = await find(page, label);
    const f = await focused(page);
    if (f && f.label === t.label) {
      if (process.env.E2E_VERBOSE) console.log(`[keyboard] ${label}: ${path.join(' ') || 'already focused'}`);
      return { ...t, keys: n };
    }
    const stuck = Boolean(f && before && f.label === before.label && path[path.length - 1].startsWith('Arrow'));
    const key = keyToward(f, t, path, stuck);
    before = f;
    path.push(key);
    await page.keyboard.press(key);
    await waitFrames(page, 2);
  }
  throw new Error(`keyboard: ${label} not reached in ${MAX_KEYS} keys (${path.join(' ')}); focus ${JSON.stringify(await focused(page))}`);
}

async function pressWithKeyboard(page, label) {
  const r = await reach(page, label);
  await page.keyboard.press('Enter');
  await waitFrames(page, 2);
  return r;
}

async function typeWithKeyboard(page, label, text) {
  const r = await reach(page, label);
  if (!(await focused(page)).editing) {
    await page.keyboard.press('Enter');  // reached by the arrows: Enter starts typing
    await waitFrames(page, 2);
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await waitFrames(page, 2);
  return r;
}

async function click(page, label) {
  if (keyboardPages.has(page)) return pressWithKeyboard(page, label);
  const r = await find(page, label);
  await page.mouse.click(r.cx, r.cy);
  await waitFrames(page, 2);
  return r;
}

// Replaces a text field's content the way a person does: click, select all, type.
async function replaceText(page, label, text) {
  if (keyboardPages.has(page)) return typeWithKeyboard(page, label, text);
  await click(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await waitFrames(page, 2);
}

// Moves the pointer off every widget and clicks empty space, so no hover or caret shows in screenshots.
async function settle(page) {
  if (!keyboardPages.has(page)) await page.mouse.click(4, 4);
  await waitFrames(page, 3);
}

module.exports = { CHROMIUM, ARGS, launch, openPortal, waitReady, state, items, find, hasItem, waitFrames, waitState, click,
  replaceText, settle, keyboardOnly, focused, reach };
