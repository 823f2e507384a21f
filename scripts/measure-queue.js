#!/usr/bin/env node
// Measures the portal's largest screen: a compliance officer's queue of 1,000 submitted enrollments.
// Seeds them through the API on a throwaway onboard-server (127.0.0.1, --port 0, its own SQLite file),
// signs in through the portal in headless Chromium, times the paged load of the queue (200 per page,
// following next_offset), then scrolls the table and reads the CPU time of each ImGui frame (views,
// layout, vertex generation; measured inside the wasm frame with emscripten_get_now, GL excluded) from
// the test hooks. Prints a Markdown table; with --write, records it with the date and machine in
// docs/perf/portal.md (its own marked section, which measure-portal.js keeps).
// Usage: [ONB_SERVER=...] [ONB_SITE=...] node scripts/measure-queue.js [--cases 1000] [--frames 300] [--write]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, ROOT } = require('../tests/e2e/lib/server');
const B = require('../tests/e2e/lib/browser');
const P = require('../tests/e2e/lib/portal');

const SECTION_BEGIN = '<!-- measure-queue: begin -->';
const SECTION_END = '<!-- measure-queue: end -->';
const SEED_CONCURRENCY = 16;  // requests in flight while seeding: the server group-commits them
const SAMPLE_ROUND = 100;     // frames per reading; the hooks keep the last 240
const GOAL_MS = 4;

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function must(promise, what) {
  const r = await promise;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

// `cases` enrollments, each created and submitted by one customer, `SEED_CONCURRENCY` at a time.
async function seed(baseUrl, cases) {
  const application = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/applications/minimal.json'), 'utf8'));
  const email = 'seed@perf.example';
  await must(P.api(baseUrl, 'POST', '/v1/accounts', null, { email, password: P.PASSWORD }), 'register');
  const { token } = await must(P.api(baseUrl, 'POST', '/v1/sessions', null, { email, password: P.PASSWORD }), 'sign in');
  let next = 0;
  const worker = async () => {
    while (next < cases) {
      const n = next++;
      const app = { ...application, entity: { ...application.entity, legal_name: `Oakfield Joinery ${String(n).padStart(4, '0')}` } };
      const created = await must(P.api(baseUrl, 'POST', '/v1/enrollments', token, { application: app }), `create ${n}`);
      await must(P.api(baseUrl, 'POST', `/v1/enrollments/${created.id}/events`, token,
        { kind: 'submitted', base_version: created.version }), `submit ${n}`);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, median: s[s.length >> 1],
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], max: s[s.length - 1] };
};

// Scrolls the queue with the mouse wheel, down and back up, and returns the CPU time of `frames` frames.
async function sampleWhileScrolling(page, frames) {
  const table = await B.find(page, 'queue:progress');
  await page.mouse.move(500, table.y + 200);
  // The last row drawn (the clipper always draws row 0 to measure the row height).
  const firstRow = async () => (await B.items(page)).filter((i) => i.label.includes('##open:')).pop().label;
  const top = await firstRow();
  const out = [];
  let direction = 1;
  while (out.length < frames) {
    const start = await page.evaluate(() => window.portalTest.frames());
    while ((await page.evaluate(() => window.portalTest.frames())) < start + SAMPLE_ROUND) {
      await page.mouse.wheel(0, direction * 100);  // one notch
      await B.waitFrames(page, 1);  // one notch per frame: every sampled frame scrolls
    }
    const times = await page.evaluate(() => window.portalTest.frameTimes());
    out.push(...times.slice(-SAMPLE_ROUND));
    if (direction > 0 && (await firstRow()) === top) throw new Error('the queue did not scroll: nothing was measured');
    direction = -direction;
  }
  return out.slice(0, frames);
}

async function main() {
  const cases = Number(option('--cases', '1000'));
  const frames = Number(option('--frames', '300'));
  const server = await startServer();
  const browser = await B.launch({ viewport: { width: 1280, height: 900 } });
  const loadBefore = os.loadavg()[0];
  let result;
  try {
    await server.addUser('officer@perf.example', 'compliance_officer', P.PASSWORD);
    const t0 = Date.now();
    await seed(server.baseUrl, cases);
    const seeded = Date.now() - t0;
    const page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
    await P.signIn(page, 'officer@perf.example');
    const t1 = Date.now();
    const s = await B.waitState(page, (st) => st.queue.status === 'loaded', 'queue loaded', 120000);
    const loaded = Date.now() - t1;
    if (s.queue.items.length !== cases) throw new Error(`queue holds ${s.queue.items.length} cases, seeded ${cases}`);
    for (let i = 0; i < SAMPLE_ROUND / 20; ++i) await B.waitFrames(page, 20);  // the table at rest, top rows shown
    const idle = stats((await page.evaluate(() => window.portalTest.frameTimes())).slice(-SAMPLE_ROUND));
    const scrolling = stats(await sampleWhileScrolling(page, frames));
    // Again with the GL submission paused: SwiftShader's rasterising (a CPU standing in for the GPU) then no
    // longer preempts the frame being timed on the 2 cores; what is timed is the same work either way.
    await page.evaluate(() => window.portalTest.setDrawing(false));
    const alone = stats(await sampleWhileScrolling(page, frames));
    await page.evaluate(() => window.portalTest.setDrawing(true));
    result = { cases, pages: s.queue.pages, seeded, loaded, idle, scrolling, alone };
  } finally {
    await browser.close();
    await server.stop();
  }
  const f = (x) => `${x.toFixed(2)} ms`;
  const r = result;
  const lines = [
    `| queue of ${r.cases} submitted enrollments, compliance officer, 1280×900 | value |`, '|---|---:|',
    `| seeding through the API (create + submit each, ${SEED_CONCURRENCY} in flight) | ${(r.seeded / 1000).toFixed(1)} s |`,
    `| queue load after sign-in (${r.pages} pages of ≤ 200, next_offset followed) | ${(r.loaded / 1000).toFixed(2)} s |`,
    `| frame CPU time while scrolling, ${r.scrolling.n} frames: mean | ${f(r.scrolling.mean)} |`,
    `| … median / p95 / max | ${f(r.scrolling.median)} / ${f(r.scrolling.p95)} / ${f(r.scrolling.max)} |`,
    `| frame CPU time at rest, ${r.idle.n} frames: median / p95 | ${f(r.idle.median)} / ${f(r.idle.p95)} |`,
    `| frame CPU time while scrolling, GL paused (no SwiftShader beside it), ${r.alone.n} frames: mean | ${f(r.alone.mean)} |`,
    `| … median / p95 / max | ${f(r.alone.median)} / ${f(r.alone.p95)} / ${f(r.alone.max)} |`,
    `| goal frame ≤ ${GOAL_MS} ms while scrolling, GL drawn: median / p95 | ${r.scrolling.median <= GOAL_MS ? 'met' : 'NOT met'} / ` +
      `${r.scrolling.p95 <= GOAL_MS ? 'met' : 'NOT met'} |`,
    `| goal frame ≤ ${GOAL_MS} ms while scrolling, GL paused: median / p95 | ${r.alone.median <= GOAL_MS ? 'met' : 'NOT met'} / ` +
      `${r.alone.p95 <= GOAL_MS ? 'met' : 'NOT met'} |`,
    '', `Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), 1-minute load average ` +
        `${loadBefore.toFixed(1)} before and ${os.loadavg()[0].toFixed(1)} after.`,
  ];
  const table = lines.join('\n');
  console.log(table);
  if (process.argv.includes('--write')) write(table);
}

// Replaces this script's section of docs/perf/portal.md (or appends it), leaving the rest as it is.
function write(table) {
  const date = new Date().toISOString().slice(0, 10);
  const section = `${SECTION_BEGIN}
## The largest screen: a reviewer's queue of 1,000 enrollments

Measured ${date} by \`node scripts/measure-queue.js --write\`: a throwaway onboard-server on 127.0.0.1 with its
own SQLite file, seeded through the API; headless Debian Chromium (SwiftShader WebGL), the wasm build with
\`ONB_TEST_HOOKS=ON\`. Frame CPU time is measured inside the wasm frame (\`emscripten_get_now\` around
NewFrame → views → Render; the GL submission is excluded, see above) and read from \`portalTest.frameTimes()\`
while the mouse wheel scrolls the table down and up. The table draws only the rows on screen
(\`ImGuiListClipper\`), so the frame does not grow with the queue. The clock is wall time in a browser
(0.1 ms steps) on a 2-core machine: a frame preempted by another process counts its wait. The main such
process is Chromium's own GPU process rasterising the previous frame with SwiftShader (a CPU rasteriser
standing in for a GPU, ≈40 ms per frame), which is why p95 at rest — the same frame drawn again and
again — is far above the median. So the scrolling is timed twice: with GL drawn, and with the GL
submission paused (\`portalTest.setDrawing(false)\`), where the same views, layout and vertex generation
run without SwiftShader beside them; the second is the portal's own cost, and the goal is judged on it.

${table}
${SECTION_END}`;
  const out = path.join(ROOT, 'docs', 'perf', 'portal.md');
  const doc = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '# Portal size and start-up\n';
  const begin = doc.indexOf(SECTION_BEGIN);
  const end = doc.indexOf(SECTION_END);
  const next = begin >= 0 && end > begin ? doc.slice(0, begin) + section + doc.slice(end + SECTION_END.length)
                                         : doc.trimEnd() + '\n\n' + section + '\n';
  fs.writeFileSync(out, next);
  console.log(`\nwritten to ${path.relative(ROOT, out)}`);
}

main().catch((e) => { console.error('measure-queue:', e.message); process.exit(1); });
