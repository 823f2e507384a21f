// Journey (3): a customer's submitted application (made through the API for speed) is taken by reviewers,
// each signed in through the portal, through every stage to `active`: the compliance officer takes it,
// decides the documents and clears compliance; a person holding both credit roles decides credit and is
// then refused the approval by segregation of duties (the rule shown in the case, its code in state);
// another approver approves, the data steward creates the master data, billing configures and activates;
// finally the customer signs in and sees the confirmation, opens the printable view and prints.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startServer, ROOT } = require('./lib/server');
const B = require('./lib/browser');
const P = require('./lib/portal');
const { compareWithGolden } = require('./lib/golden');
const R = require('./lib/review');
const { act, setNumber, switchTo } = R;

const TIMEOUT = { timeout: 300000 };
const VIEWPORT = { width: 1100, height: 1000 };
const CUSTOMER = 'buyer@oakfield.example';
let server;
let enrollment;

before(async () => {
  server = await startServer();
  await server.addUser('officer@bank.example', 'compliance_officer', P.PASSWORD);
  await server.addUser('pair@bank.example', ['credit_analyst', 'credit_approver'], P.PASSWORD, 1);
  await server.addUser('approver@bank.example', 'credit_approver', P.PASSWORD, 1);
  await server.addUser('steward@bank.example', 'data_steward', P.PASSWORD);
  await server.addUser('billing@bank.example', 'billing_admin', P.PASSWORD);
  // The customer's side is journey 1's; here the application arrives through the API, submitted.
  const application = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/applications/minimal.json'), 'utf8'));
  assert.equal((await P.api(server.baseUrl, 'POST', '/v1/accounts', null, { email: CUSTOMER, password: P.PASSWORD })).status, 201);
  const session = await P.api(server.baseUrl, 'POST', '/v1/sessions', null, { email: CUSTOMER, password: P.PASSWORD });
  const token = session.body.token;
  const created = await P.api(server.baseUrl, 'POST', '/v1/enrollments', token, { application });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  enrollment = created.body.id;
  const submitted = await P.api(server.baseUrl, 'POST', `/v1/enrollments/${enrollment}/events`, token,
    { kind: 'submitted', base_version: created.body.version });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
});
after(async () => { if (server) await server.stop(); });

// Back in the queue (Escape), the filters are query parameters the server answers: assigned to me finds
// the case just taken, another stage does not; then every filter off again.
async function filtersFind(page) {
  await page.keyboard.press('Escape');
  await B.waitState(page, (s) => s.screen === 'queue' && s.queue.status === 'loaded', 'queue again');
  const loaded = (what) => B.waitState(page, (s) => s.queue.status === 'loaded', what);
  await B.click(page, 'filter:mine');
  let s = await B.waitState(page, (st) => st.queue.filter.mine && st.queue.status === 'loaded', 'assigned to me');
  assert.deepEqual(s.queue.items.map((i) => i.id), [enrollment]);
  assert.equal(s.queue.items[0].assignee, s.session.account.id);
  await B.click(page, 'filter:stage');
  await B.click(page, 'filter:stage=credit_review');
  s = await B.waitState(page, (st) => st.queue.filter.stage === 'credit_review' && st.queue.status === 'loaded', 'stage filter');
  assert.equal(s.queue.items.length, 0);
  await B.click(page, 'filter:stage');
  await B.click(page, 'filter:stage=all');
  await B.click(page, 'filter:mine');
  s = await B.waitState(page, (st) => !st.queue.filter.mine && !st.queue.filter.stage && st.queue.status === 'loaded', 'no filter');
  await loaded('queue');
}

describe('journey 3: reviewers take a case to active; segregation of duties refuses one; the customer sees the confirmation', TIMEOUT, () => {
  it('the reviewers work the case through every stage in the browser', async () => {
    const browser = await B.launch({ viewport: VIEWPORT });
    try {
      const page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
      let s = await P.signIn(page, 'officer@bank.example');
      assert.equal(s.screen, 'queue');
      s = await R.openCase(page, enrollment);
      assert.equal(s.review.view.stage, 'submitted');

      // compliance: take the case, decide every document, clear
      s = await act(page, 'assigned', '');
      assert.equal(s.review.view.stage, 'compliance_review');
      await filtersFind(page);
      s = await R.openCase(page, enrollment);
      for (const type of s.review.document_types) {
        s = await act(page, 'document_decided', '', async () => {
          const d = (await B.state(page)).review.draft.document_decided;
          assert.equal(d.document_type, type);  // prefilled with the next undecided document
        });
      }
      s = await act(page, 'compliance_cleared', 'Identity and owner checked against the licence', async () => {
        await B.click(page, '/compliance_cleared/identity_verified');
        await B.click(page, '/compliance_cleared/beneficial_owners_verified');
        await B.waitState(page, (st) => st.review.draft.compliance_cleared.identity_verified &&
          st.review.draft.compliance_cleared.beneficial_owners_verified, 'both verified');
      });
      assert.equal(s.review.view.stage, 'credit_review');

      // credit: a person who is analyst and approver decides...
      s = await switchTo(page, 'pair@bank.example');
      assert.equal(s.screen, 'queue');
      await R.openCase(page, enrollment);
      s = await act(page, 'credit_decided', 'Twelve years of trading, references pay on time', async () => {
        await setNumber(page, '/credit_decided/limit', 10000);
        await B.replaceText(page, '/credit_decided/currency', 'EUR');
        await B.waitState(page, (st) => st.review.draft.credit_decided.currency === 'EUR', 'currency');
      });
      assert.equal(s.review.view.stage, 'approval');
      // ...and may not approve their own decision: the rule is on screen and its code in state
      const refused = s.review.view.actions.find((a) => a.kind === 'approval_granted');
      assert.ok(refused, 'approval is among the actions of the approval stage');
      assert.equal(refused.allowed, false);
      assert.equal(refused.code, 'sod.approves_own_credit_decision');
      const denial = await B.find(page, 'denied:approval_granted');
      assert.ok(denial.w > 0);
      assert.ok(!(await B.hasItem(page, 'action:approval_granted')), 'no button for a refused action');
      await B.settle(page);
      const timeline = await B.find(page, 'section:case_timeline');  // below it: dates that change daily
      const shot = await page.screenshot({ clip: { x: 0, y: 0, width: VIEWPORT.width, height: timeline.y - 4 } });
      const r = compareWithGolden('journey3-sod-refused.png', shot);
      assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);

      // approval by another person, at the tier of the decision
      s = await switchTo(page, 'approver@bank.example');
      await R.openCase(page, enrollment);
      s = await act(page, 'approval_granted', 'Within tier 1');
      assert.equal(s.review.view.stage, 'master_data');

      s = await switchTo(page, 'steward@bank.example');
      await R.openCase(page, enrollment);
      s = await act(page, 'master_data_created', '', async () => {
        await B.replaceText(page, '/master_data_created/customer_number', 'C-100042');
        await B.waitState(page, (st) => st.review.draft.master_data_created.customer_number === 'C-100042', 'number');
      });
      assert.equal(s.review.view.stage, 'billing_setup');

      s = await switchTo(page, 'billing@bank.example');
      await R.openCase(page, enrollment);
      s = await act(page, 'billing_configured', '', async () => {
        const b = (await B.state(page)).review.draft.billing_configured;
        assert.equal(b.currency, 'EUR');  // from the credit decision
        assert.equal(b.billing_contact, 'tom@oakfield-joinery.example.co.uk');
      });
      s = await act(page, 'activated', '');
      assert.equal(s.review.view.stage, 'active');
      // Escape closes the case; the queue no longer holds it
      await page.keyboard.press('Escape');
      s = await B.waitState(page, (st) => st.screen === 'queue' && st.queue.status === 'loaded', 'back to the queue');
      assert.ok(!s.queue.items.some((i) => i.id === enrollment));
    } finally { await browser.close(); }
  });

  it('the customer signs in and sees the confirmation, printable', async () => {
    const browser = await B.launch({ viewport: VIEWPORT });
    try {
      const page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
      await P.signIn(page, CUSTOMER);
      const s = await B.waitState(page, (st) => st.status && st.status.confirmation, 'confirmation', 20000);
      const c = s.status.confirmation;
      assert.equal(s.status.stage, 'active');
      assert.equal(c.customer_number, 'C-100042');
      assert.equal(c.credit_limit, 10000);
      assert.equal(c.currency, 'EUR');
      assert.equal(c.payment_terms_days, 30);
      assert.equal(c.invoicing_channel, 'email');
      await B.find(page, 'confirmation:customer_number');
      // a fresh browser holds no draft: the company comes from the server's copy of the application
      await B.waitState(page, (st) => st.application.entity.legal_name === 'Oakfield Joinery', 'the server\'s copy');
      await B.find(page, 'confirmation:company');

      await B.click(page, 'printable');
      await B.waitState(page, (st) => st.printable, 'printable view');
      await page.evaluate(() => { window.print = () => { window.onbPrinted = (window.onbPrinted || 0) + 1; }; });
      await B.settle(page);
      const title = await B.find(page, 'confirmation:title');
      const date = await B.find(page, 'confirmation:activated_on');  // today's date: left out of the golden
      const shot = await page.screenshot({ clip: { x: 0, y: title.y - 8, width: VIEWPORT.width, height: date.y - title.y + 4 } });
      const r = compareWithGolden('journey3-confirmation.png', shot);
      assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
      await B.click(page, 'print');
      await page.waitForFunction(() => window.onbPrinted === 1, null, { timeout: 5000 });
      const img = await page.evaluate(() => { const i = document.getElementById('onb-print'); return i && i.src.slice(0, 22); });
      assert.equal(img, 'data:image/png;base64,');
      await page.keyboard.press('Escape');
      await B.waitState(page, (st) => !st.printable, 'printable view closed by Escape');
    } finally { await browser.close(); }
  });
});
