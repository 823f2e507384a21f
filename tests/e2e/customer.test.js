// Journey (1): a customer signs up, fills the application with errors, sees them next to the fields and
// in the step counts, fixes them, attaches documents through the file chooser, goes offline, submits
// (queued), reloads the page offline (shell from the service worker, session, draft and outbox from
// IndexedDB), comes back online, and the submission lands exactly once on the real server.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('./lib/server');
const B = require('./lib/browser');
const P = require('./lib/portal');
const { compareWithGolden } = require('./lib/golden');

const TIMEOUT = { timeout: 240000 };
const PNG_1x1 = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f7a1e7f10000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

describe('journey 1: a customer applies, offline at the end, and the submission lands once', TIMEOUT, () => {
  let browser, page;
  before(async () => {
    browser = await B.launch({ viewport: { width: 1100, height: 1500 } });
    page = await B.openPortal(browser.context, server.baseUrl);  // with the service worker
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  });
  after(async () => { if (browser) await browser.close(); });

  it('signs up and sees the first step with its problem count and completeness', async () => {
    const s = await P.signUp(page, 'tom@oakfield.example');
    assert.equal(s.session.account.role, 'customer');
    assert.ok(s.report.problems.length > 0, 'an empty application has problems');
    await B.find(page, 'completeness');
    assert.ok(!(await B.hasItem(page, 'problem:/entity/legal_name')), 'nothing red before typing');
  });

  it('shows a wrong date next to the field as it is typed, and clears it when fixed', async () => {
    await P.fill(page, '/entity/legal_name', 'Oakfield Joinery');
    await P.choose(page, '/entity/entity_type', 'sole_trader');
    await P.fill(page, '/entity/incorporation_country', 'GB');
    await P.fill(page, '/entity/incorporation_date', '2018-13-45');
    let s = await B.state(page);
    assert.ok(s.report.problems.some((p) => p.path === '/entity/incorporation_date'), JSON.stringify(s.report.problems));
    const problem = await B.find(page, 'problem:/entity/incorporation_date');
    const field = await B.find(page, '/entity/incorporation_date');
    assert.ok(problem.y >= field.y + field.h - 1, 'the problem is drawn under its field');
    await P.fill(page, '/entity/incorporation_date', '2018-09-01');
    assert.ok(!(await B.hasItem(page, 'problem:/entity/incorporation_date')));
    s = await B.state(page);
    assert.ok(!s.report.problems.some((p) => p.path.startsWith('/entity')), JSON.stringify(s.report.problems));
  });

  it('fills addresses, contacts, owners and directors step by step', async () => {
    await B.click(page, 'Next');
    await P.add(page, '/addresses/registered/street_lines');
    await P.fill(page, '/addresses/registered/street_lines/0', '14 Mill Lane');
    await P.fill(page, '/addresses/registered/city', 'Hebden Bridge');
    await P.fill(page, '/addresses/registered/postal_code', 'HX7 8AB');
    await P.fill(page, '/addresses/registered/country', 'GB');
    await P.add(page, '/contacts');
    await P.fill(page, '/contacts/0/name', 'Tom Ashworth');
    await P.fill(page, '/contacts/0/email', 'not-an-address');
    assert.ok(await B.hasItem(page, 'problem:/contacts/0/email'), 'a bad e-mail is shown at once');
    await P.fill(page, '/contacts/0/email', 'tom@oakfield-joinery.example.co.uk');
    await P.fill(page, '/contacts/0/phone', '+44 1422 845 120');

    await P.step(page, 'owners_directors');
    await P.add(page, '/owners');
    await P.fill(page, '/owners/0/given_names', 'Thomas');
    await P.fill(page, '/owners/0/family_name', 'Ashworth');
    await P.fill(page, '/owners/0/date_of_birth', '1984-07-19');
    await P.fill(page, '/owners/0/nationality', 'GB');
    await P.fill(page, '/owners/0/residence_country', 'GB');
    await P.fill(page, '/owners/0/ownership_percent', '100');
    await P.add(page, '/owners/0/identity_document');
    await P.choose(page, '/owners/0/identity_document/type', 'driving_licence');
    await P.fill(page, '/owners/0/identity_document/number', 'ASHWO807194T99AB');
    await P.fill(page, '/owners/0/identity_document/issuing_country', 'GB');
    await P.add(page, '/directors');
    await P.fill(page, '/directors/0/given_names', 'Thomas');
    await P.fill(page, '/directors/0/family_name', 'Ashworth');
    await P.choose(page, '/directors/0/role', 'proprietor');
    await B.click(page, '/directors/0/can_sign_alone');
    await B.waitState(page, (s) => s.application.directors[0].can_sign_alone === true, 'can sign alone');
  });

  it('attaches documents after checking them, and gives the consents', async () => {
    await P.step(page, 'documents');
    let s = await B.state(page);
    assert.ok(s.report.completeness < 100);
    assert.deepEqual(s.report.missing.map((m) => m.requirement_id).sort(), ['owner_identity_document', 'trade_licence']);
    await P.attach(page, 'attach:trade_licence:/documents', { name: 'register.pdf', mimeType: 'application/pdf', buffer: PDF });
    await P.attach(page, 'attach:owner_identity_document:/owners/0/identity_document',
      { name: 'licence.png', mimeType: 'image/png', buffer: PNG_1x1 });
    s = await B.state(page);
    assert.equal(s.report.completeness, 100);
    assert.equal(s.application.owners[0].identity_document.document_id, s.application.documents[1].id);
    assert.match(s.application.documents[0].sha256, /^[0-9a-f]{64}$/);
    await B.click(page, 'consent:terms_and_conditions');
    await B.click(page, 'consent:data_processing');
    s = await B.waitState(page, (st) => st.application.consents.length === 2, 'two consents');
    assert.deepEqual(s.report.problems.filter((p) => p.severity === 'error'), []);
  });

  it('submits offline: queued with its idempotency keys, kept across a reload', async () => {
    await browser.context.setOffline(true);
    await B.waitState(page, (s) => !s.online, 'offline noticed');
    await B.find(page, 'banner:offline');
    await P.step(page, 'review');
    await B.click(page, 'submit');
    let s = await B.waitState(page, (st) => st.submission.status === 'queued' && st.outbox_stored, 'queued and durable');
    const keys = s.outbox;
    assert.ok(keys.create_key && keys.submit_key);

    await page.reload();  // offline: the shell comes from the service worker
    await B.waitReady(page);
    s = await B.waitState(page, (st) => st.outbox && st.submission.status === 'queued', 'outbox restored');
    assert.equal(s.outbox.create_key, keys.create_key);
    assert.equal(s.application.entity.legal_name, 'Oakfield Joinery', 'the draft came back too');
  });

  it('comes back online and the submission lands exactly once', async () => {
    await browser.context.setOffline(false);
    const s = await B.waitState(page, (st) => st.submission.status === 'submitted', 'submitted', 20000);
    assert.equal(s.enrollment.stage, 'submitted');
    assert.equal(s.outbox, undefined);
    const list = await P.api(server.baseUrl, 'GET', '/v1/enrollments', s.session.token);
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 1, JSON.stringify(list.body));
    assert.equal(list.body.items[0].stage, 'submitted');
    assert.equal(list.body.items[0].legal_name, 'Oakfield Joinery');

    // A reload does not send it again: the outbox is gone from storage.
    await page.reload();
    await B.waitReady(page);
    await B.waitState(page, (st) => st.session && st.enrollment && st.enrollment.stage === 'submitted', 'enrollment known');
    const again = await P.api(server.baseUrl, 'GET', '/v1/enrollments', s.session.token);
    assert.equal(again.body.items.length, 1);
    await B.settle(page);
    // From the step bar down: the timeline above it carries today's date, which a golden cannot.
    const bar = await B.find(page, 'step:company');
    const shot = await page.screenshot({ clip: { x: 0, y: bar.y - 6, width: 1100, height: 1500 - (bar.y - 6) } });
    const r = compareWithGolden('journey1-submitted.png', shot);
    assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
  });
});
