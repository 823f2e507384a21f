// Screenshot goldens in tests/e2e/golden/. A missing golden fails the test (run with UPDATE_GOLDEN=1 to
// write it, then look at it before committing); actual and diff images go to tests/e2e/out/.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');
const pixelmatch = require('pixelmatch');

const GOLDEN_DIR = path.join(__dirname, '..', 'golden');
const OUT_DIR = path.join(__dirname, '..', 'out');
// Per-pixel colour tolerance (pixelmatch's YIQ threshold) and how many pixels may differ: SwiftShader
// renders deterministically, so a few pixels is room for anti-aliasing noise, not for a changed glyph.
const THRESHOLD = 0.1;
const MAX_DIFF_PIXELS = 40;

// -> { diffPixels, maxDiffPixels, golden, actual }; throws when the golden is missing or sizes differ.
function compareWithGolden(name, pngBuffer) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const golden = path.join(GOLDEN_DIR, name);
  const actual = path.join(OUT_DIR, name);
  fs.writeFileSync(actual, pngBuffer);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(golden, pngBuffer);
    console.log(`golden written: ${golden} (review it before committing)`);
  }
  if (!fs.existsSync(golden))
    throw new Error(`golden ${golden} is missing; the screenshot is in ${actual}. Run with UPDATE_GOLDEN=1 to accept it.`);
  const a = PNG.sync.read(fs.readFileSync(golden));
  const b = PNG.sync.read(pngBuffer);
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`${name}: golden is ${a.width}x${a.height}, screenshot ${b.width}x${b.height} (see ${actual})`);
  const diff = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
  fs.writeFileSync(path.join(OUT_DIR, 'diff-' + name), PNG.sync.write(diff));
  return { diffPixels, maxDiffPixels: MAX_DIFF_PIXELS, golden, actual };
}

module.exports = { compareWithGolden };
