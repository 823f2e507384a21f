// Journey (4): a document upload interrupted and resumed. A customer fills the application, attaches a
// 2 MiB PDF (eight chunks) through the real file chooser besides the two small documents, and submits: the
// enrollment is created, the uploads go first. After three chunks of the large file the network drops
// (the fourth chunk's request is cut and the browser goes offline): the row shows the pause and where the
// server's bytes end. Then the tab is reloaded while the server is still unreachable (the page's copy of
// the file is gone; only the browser's blob store has it), the network returns, and the upload continues
// from the server's `received` — asked with GET …/documents/{doc}, never from byte 0. The server then
// holds the whole file with the right SHA-256, and the submission lands exactly once.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('./lib/server');
const B = require('./lib/browser');
const P = require('./lib/portal');
const { compareWithGolden } = require('./lib/golden');

const TIMEOUT = { timeout: 300000 };
const CHUNK = 256 * 1024;  // src/app/uploads.hpp upload_chunk_bytes
const CUT_AT = 3 * CHUNK;  // the fourth chunk of the large file is the one the network drops

// A PDF by its magic bytes (all the server checks besides the hash), 2 MiB of deterministic filler.
function largePdf() {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<</Length 2097000>>stream\n');
  const tail = Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const filler = Buffer.alloc(2 * 1024 * 1024 - head.length - tail.length);
  let x = 0x2545f491;
  for (let i = 0; i < filler.length; i++) { x = (x * 1103515245 + 12345) >>> 0; filler[i] = x >>> 24; }
  return Buffer.concat([head, filler, tail]);
}

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

describe('journey 4: a document upload interrupted and resumed', TIMEOUT, () => {
  const big = largePdf();
  const bigSha = crypto.createHash('sha256').update(big).digest('hex');
  const portalUrl = (srv) => srv.baseUrl + '?nosw';  // page.route must see every request, not a service worker
  let browser, page, token, enrollmentId, documentId;
  // Every chunk request of the large file as the page sent it ("bytes FIRST-LAST/TOTAL"), and the GETs asking
  // the server how much it holds, in order; `blocked` cuts every document request (the server unreachable).
  const puts = [];
  const checks = [];
  let cut = false;
  let blocked = false;

  before(async () => {
    browser = await B.launch({ viewport: { width: 1100, height: 1500 } });
    page = await B.openPortal(browser.context, portalUrl(server));
    await browser.context.route(/\/v1\/enrollments\/[^/]+\/documents/, async (route) => {
      const req = route.request();
      const headers = await req.allHeaders();
      const range = headers['content-range'] || '';
      if (req.method() === 'PUT' && range.endsWith(`/${big.length}`)) puts.push({ range, blocked, cut });
      if (req.method() === 'GET') checks.push({ path: new URL(req.url()).pathname, blocked });
      if (blocked) return route.abort('internetdisconnected');
      if (!cut && req.method() === 'PUT' && range.startsWith(`bytes ${CUT_AT}-`) && range.endsWith(`/${big.length}`)) {
        cut = true;
        await browser.context.setOffline(true);
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
  });
  after(async () => { if (browser) await browser.close(); });

  it('attaches a 2 MiB PDF besides the two small documents, checked before upload', async () => {
    const s0 = await P.signUp(page, 'ann@millstreet.example');
    token = s0.session.token;
    await P.fillSoleTrader(page, 'Mill Street Prints');
    await P.step(page, 'documents');
    await P.attach(page, 'attach', { name: 'trade-licence-scan.pdf', mimeType: 'application/pdf', buffer: big });
    const s = await B.waitState(page, (st) => st.uploads.length === 3 && st.uploads.every((u) => u.phase === 'waiting'),
      'three files kept in the browser, waiting for the enrollment');
    const doc = s.application.documents.find((d) => d.sha256 === bigSha);
    assert.ok(doc, 'the browser hashed the file: ' + JSON.stringify(s.application.documents));
    assert.equal(doc.size_bytes, big.length);
    assert.ok(!s.report.problems.some((p) => p.path.startsWith('/documents') && p.severity === 'error'),
      JSON.stringify(s.report.problems));
    assert.ok(s.uploads.every((u) => u.bytes_kept), 'the bytes are in the blob store');
    assert.equal(puts.length, 0, 'nothing is uploaded before the enrollment exists');
  });

  it('submits: the enrollment is created, uploads start, and the network drops after three chunks', async () => {
    await P.step(page, 'review');
    await B.click(page, 'submit');
    const s = await B.waitState(page, (st) => {
      const u = st.uploads.find((x) => x.sha256 === bigSha);
      return !st.online && u && (u.phase === 'paused' || u.phase === 'waiting') && u.received === CUT_AT;
    }, 'the upload paused offline after three chunks', 60000);
    const u = s.uploads.find((x) => x.sha256 === bigSha);
    enrollmentId = u.enrollment_id;
    documentId = u.document_id;
    assert.equal(s.submission.status, 'queued', 'the submit waits for the upload and for the network');
    assert.deepEqual(puts.map((p) => p.range), [0, 1, 2, 3].map((i) =>
      `bytes ${i * CHUNK}-${(i + 1) * CHUNK - 1}/${big.length}`));
    for (const small of s.uploads.filter((x) => x.sha256 !== bigSha)) assert.equal(small.phase, 'complete');

    const d = await P.api(server.baseUrl, 'GET', `/v1/enrollments/${enrollmentId}/documents/${documentId}`, token);
    assert.equal(d.status, 200);
    assert.equal(d.body.received, CUT_AT, 'the server holds exactly the three chunks');
    assert.equal(d.body.state, 'uploading');
    const list = await P.api(server.baseUrl, 'GET', '/v1/enrollments', token);
    assert.equal(list.body.items[0].stage, 'draft', 'not submitted while its documents are uploading');

    // What the person sees: the bar at 768 KB of 2.0 MB and why it stopped.
    await P.step(page, 'documents');
    await B.settle(page);
    await B.find(page, 'banner:offline');
    const bar = await B.find(page, `upload:${s.application.documents.find((x) => x.sha256 === bigSha).id}`);
    const line = await B.find(page, `upload_status:${s.application.documents.find((x) => x.sha256 === bigSha).id}`);
    const top = bar.y - 3;
    const shot = await page.screenshot({ clip: { x: 0, y: top, width: 1100, height: line.y + line.h + 8 - top } });
    const r = compareWithGolden('journey4-upload-paused.png', shot);
    assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
  });

  it('reloads while the server is unreachable: the record and the bytes come back from the browser', async () => {
    blocked = true;
    await browser.context.setOffline(false);
    await page.reload();
    await B.waitReady(page);
    const s = await B.waitState(page, (st) => st.session && st.uploads.some((u) => u.sha256 === bigSha &&
      u.document_id === documentId && u.phase === 'paused'), 'the upload restored and paused again', 20000);
    assert.equal(s.uploads.find((u) => u.sha256 === bigSha).received, CUT_AT);
    assert.ok(checks.some((c) => c.blocked && c.path.endsWith(`/documents/${documentId}`)),
      'after the reload the portal asks the server how much it holds before sending: ' + JSON.stringify({ checks, u: s.uploads }));
    assert.ok(!puts.some((p) => p.blocked), 'no chunk is sent before the server answered');
  });

  it('the network returns: it continues from the server\'s received, never from 0, and completes', async () => {
    const before = puts.length;
    blocked = false;
    const s = await B.waitState(page, (st) => st.uploads.every((u) => u.phase === 'complete') &&
      st.submission.status === 'submitted', 'uploaded and submitted', 60000);
    const resumed = puts.slice(before).map((p) => p.range);
    assert.equal(resumed[0], `bytes ${CUT_AT}-${CUT_AT + CHUNK - 1}/${big.length}`, JSON.stringify(resumed));
    assert.ok(!resumed.some((r) => r.startsWith('bytes 0-')), JSON.stringify(resumed));
    assert.equal(resumed.length, 8 - 3, 'the five missing chunks, each once');

    const d = await P.api(server.baseUrl, 'GET', `/v1/enrollments/${enrollmentId}/documents/${documentId}`, token);
    assert.equal(d.body.state, 'complete');
    assert.equal(d.body.sha256, bigSha);
    assert.equal(d.body.size, big.length);
    const all = await P.api(server.baseUrl, 'GET', `/v1/enrollments/${enrollmentId}/documents`, token);
    assert.equal(all.body.items.length, 3, 'one document per file, none announced twice');
    assert.ok(all.body.items.every((x) => x.state === 'complete'));
    const list = await P.api(server.baseUrl, 'GET', '/v1/enrollments', token);
    assert.equal(list.body.items.length, 1);
    assert.equal(list.body.items[0].stage, 'submitted');
    assert.equal(s.enrollment.stage, 'submitted');

    // The browser forgot the bytes once the server held them.
    const kept = await page.evaluate(() => new Promise((resolve) => {
      const r = indexedDB.open('onboard-files');
      r.onsuccess = () => { const q = r.result.transaction('blobs').objectStore('blobs').count(); q.onsuccess = () => resolve(q.result); };
      r.onerror = () => resolve(-1);
    }));
    assert.equal(kept, 0);
  });
});

// Replacing a rejected document: the compliance officer (through the API) rejects the register extract
// and asks for a readable one; the customer signs in on a fresh browser, sees the rejection with its
// reason, picks a new file through the chooser from the status screen, and the portal uploads it and puts
// it in the rejected file's place in the application the server keeps (read, change that document only,
// write on the version read); then answers the question and the case returns to compliance.
describe('a rejected document is replaced from the status screen', TIMEOUT, () => {
  const CUSTOMER = 'replace@oakfield.example';
  const fresh = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% a readable scan\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const freshSha = crypto.createHash('sha256').update(fresh).digest('hex');
  let id;
  let customerToken;
  let officerToken;
  let version;

  before(async () => {
    await server.addUser('officer@bank.example', 'compliance_officer', P.PASSWORD);
    const app = JSON.parse(require('node:fs').readFileSync(require('node:path').join(require('./lib/server').ROOT,
      'tests/data/applications/minimal.json'), 'utf8'));
    const api = (method, path, token, body) => P.api(server.baseUrl, method, path, token, body);
    assert.equal((await api('POST', '/v1/accounts', null, { email: CUSTOMER, password: P.PASSWORD })).status, 201);
    customerToken = (await api('POST', '/v1/sessions', null, { email: CUSTOMER, password: P.PASSWORD })).body.token;
    const created = await api('POST', '/v1/enrollments', customerToken, { application: app });
    id = created.body.id;
    version = created.body.version;
    const event = async (token, body) => {
      const r = await api('POST', `/v1/enrollments/${id}/events`, token, { base_version: version, ...body });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      version = r.body.version;
    };
    await event(customerToken, { kind: 'submitted' });
    const officer = (await api('POST', '/v1/sessions', null, { email: 'officer@bank.example', password: P.PASSWORD })).body;
    officerToken = officer.token;
    await event(officer.token, { kind: 'assigned', assigned: { assignee_id: officer.account.id, assignee_role: 'compliance_officer' } });
    await event(officer.token, { kind: 'document_decided', reason: 'The scan is unreadable',
      document_decided: { document_type: 'register_extract', decision: 'rejected' } });
    await event(officer.token, { kind: 'info_requested', info_requested: { questions: ['Please send a readable register extract'] } });
  });

  it('the customer replaces it; the server keeps the new file in its place; the answer returns the case', async () => {
    const b = await B.launch({ viewport: { width: 1100, height: 1000 } });
    try {
      const p = await B.openPortal(b.context, server.baseUrl + '?nosw');
      await P.signIn(p, CUSTOMER);
      let s = await B.waitState(p, (st) => st.status && st.status.stage === 'info_requested' &&
        st.status.pending.some((i) => i.kind === 'rejected_document'), 'the rejection shown', 20000);
      const rejected = s.status.pending.find((i) => i.kind === 'rejected_document');
      assert.equal(rejected.subject, 'register_extract');
      assert.equal(rejected.text, 'The scan is unreadable');

      const [chooser] = await Promise.all([p.waitForEvent('filechooser', { timeout: 10000 }), B.click(p, 'replace:register_extract')]);
      await chooser.setFiles({ name: 'register-extract-readable.pdf', mimeType: 'application/pdf', buffer: fresh });
      s = await B.waitState(p, (st) => st.enrollment.version > version &&
        st.uploads.some((u) => u.sha256 === freshSha && u.phase === 'complete'), 'uploaded and written back', 20000);

      // the server: the file whole, in the rejected one's place (same id), the rest of the application as it was
      const stored = await P.api(server.baseUrl, 'GET', `/v1/enrollments/${id}`, customerToken);
      const docs = stored.body.application.documents;
      assert.equal(docs.length, 2);
      const replaced = docs.find((d) => d.id === 'register');
      assert.equal(replaced.sha256, freshSha);
      assert.equal(replaced.file_name, 'register-extract-readable.pdf');
      assert.equal(replaced.size_bytes, fresh.length);
      assert.equal(stored.body.application.entity.legal_name, 'Oakfield Joinery');
      const files = await P.api(server.baseUrl, 'GET', `/v1/enrollments/${id}/documents`, customerToken);
      assert.ok(files.body.items.some((f) => f.sha256 === freshSha && f.state === 'complete'), JSON.stringify(files.body));
      const timeline = await P.api(server.baseUrl, 'GET', `/v1/enrollments/${id}/timeline`, officerToken);
      assert.equal(timeline.body.events.filter((e) => e.kind === 'edited').length, 1);  // one write, nothing more

      await B.settle(p);
      const button = await B.find(p, 'replace:register_extract');  // above it the reason; the dates stay out
      const row = await B.find(p, `upload_status:replace:${freshSha.slice(0, 12)}`);  // "Uploaded and checked…"
      const top = button.y - 26;
      const shot = await p.screenshot({ clip: { x: 0, y: top, width: 1100, height: row.y + row.h + 8 - top } });
      const r = compareWithGolden('journey4-replaced.png', shot);
      assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);

      await B.replaceText(p, 'answer', 'A new scan of the extract is attached.');
      await B.click(p, 'send_answer');
      s = await B.waitState(p, (st) => st.status && st.status.stage === 'compliance_review', 'back with compliance', 20000);
    } finally { await b.close(); }
  });
});
