// Keyboard alone: journeys 2 and 3 again with no mouse at all. A sales rep signs in, fills a customer's
// application (text fields by Tab, buttons, combos, checkboxes and steps by the arrows and Enter, the
// documents through the file chooser opened by Enter) and gets the invitation; the customer claims and
// submits it; the reviewers take the queue row by the arrows, open the case with Enter, choose each
// action, type the reason and send, with Escape back to the queue; the customer sees the confirmation,
// opens the printable view and closes it with Escape. Every press goes to the widget that has keyboard
// focus (lib/browser.js keyboardOnly: reached by Tab or the arrows, never by pointer).
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('./lib/server');
const B = require('./lib/browser');
const P = require('./lib/portal');
const R = require('./lib/review');
const { compareWithGolden } = require('./lib/golden');

const TIMEOUT = { timeout: 600000 };
const VIEWPORT = { width: 1100, height: 1000 };
let server;

before(async () => {
  server = await startServer();
  await server.addUser('rep@seller.example', 'sales_rep', P.PASSWORD);
  await server.addUser('officer@bank.example', 'compliance_officer', P.PASSWORD);
  await server.addUser('pair@bank.example', ['credit_analyst', 'credit_approver'], P.PASSWORD, 1);
  await server.addUser('approver@bank.example', 'credit_approver', P.PASSWORD, 1);
  await server.addUser('steward@bank.example', 'data_steward', P.PASSWORD);
  await server.addUser('billing@bank.example', 'billing_admin', P.PASSWORD);
});
after(async () => { if (server) await server.stop(); });

async function keyboardPortal(url) {
  const browser = await B.launch({ viewport: VIEWPORT });
  const page = await B.openPortal(browser.context, url);
  B.keyboardOnly(page);
  await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2);  // parked in a corner: hovers nothing
  return { browser, page };
}

describe('keyboard alone completes the journeys of a sales rep, a customer and the reviewers', TIMEOUT, () => {
  let invite;
  let enrollment;

  it('a sales rep signs in, fills the application and gets the invitation', async () => {
    const { browser, page } = await keyboardPortal(server.baseUrl + '?nosw');
    try {
      const first = await B.reach(page, 'email');  // Tab from nowhere: the first field
      assert.ok(first.keys <= 1, `e-mail reached in ${first.keys} keys`);
      let s = await P.signIn(page, 'rep@seller.example');
      assert.equal(s.screen, 'customers');
      await B.waitState(page, (st) => st.queue.status === 'loaded', 'the rep\'s list');
      await B.click(page, 'new_application');
      await B.waitState(page, (st) => st.screen === 'application', 'application form');
      await P.fillSoleTrader(page, 'Oakfield Joinery');
      s = await B.state(page);
      assert.equal(s.application.documents.length, 2, 'both files attached through the chooser');
      assert.equal(s.report.problems.filter((p) => p.severity === 'error').length, 0, JSON.stringify(s.report.problems));
      await B.click(page, 'submit');
      s = await B.waitState(page, (st) => st.submission.status === 'invited', 'invited', 20000);
      invite = s.invite_token;
      await B.click(page, 'my_customers');
      s = await B.waitState(page, (st) => st.screen === 'customers' && st.queue.status === 'loaded' &&
        st.queue.items.length === 1, 'the new customer listed', 20000);
      assert.deepEqual(s.queue.items[0].waiting_on, ['customer']);
    } finally { await browser.close(); }
  });

  it('the customer opens the invitation, signs up and submits', async () => {
    const { browser, page } = await keyboardPortal(`${server.baseUrl}?nosw&invite=${invite}`);
    try {
      await P.signUp(page, 'tom@oakfield.example');
      let s = await B.waitState(page, (st) => st.enrollment && st.application.entity.legal_name === 'Oakfield Joinery',
        'claimed', 20000);
      await P.step(page, 'review');
      await B.click(page, 'submit');
      s = await B.waitState(page, (st) => st.submission.status === 'submitted', 'submitted', 20000);
      enrollment = s.enrollment.id;
    } finally { await browser.close(); }
  });

  it('the reviewers take it to active, segregation of duties refusing one of them', async () => {
    const { browser, page } = await keyboardPortal(server.baseUrl + '?nosw');
    try {
      await P.signIn(page, 'officer@bank.example');
      let s = await R.openCase(page, enrollment);
      s = await R.act(page, 'assigned', '');
      for (let n = s.review.document_types.length; n > 0; n--) s = await R.act(page, 'document_decided', '');
      s = await R.act(page, 'compliance_cleared', 'Identity and owner checked against the licence', async () => {
        await B.click(page, '/compliance_cleared/identity_verified');
        await B.click(page, '/compliance_cleared/beneficial_owners_verified');
        await B.waitState(page, (st) => st.review.draft.compliance_cleared.identity_verified &&
          st.review.draft.compliance_cleared.beneficial_owners_verified, 'both verified');
      });
      assert.equal(s.review.view.stage, 'credit_review');
      // Escape: back to the queue, where the case has left this officer's work
      await page.keyboard.press('Escape');
      s = await B.waitState(page, (st) => st.screen === 'queue' && st.queue.status === 'loaded', 'queue again');

      s = await R.switchTo(page, 'pair@bank.example');
      await R.openCase(page, enrollment);
      s = await R.act(page, 'credit_decided', 'Twelve years of trading', async () => {
        await R.setNumber(page, '/credit_decided/limit', 10000);
        await B.replaceText(page, '/credit_decided/currency', 'EUR');
        await B.waitState(page, (st) => st.review.draft.credit_decided.currency === 'EUR', 'currency');
      });
      assert.equal(s.review.view.stage, 'approval');
      const refused = s.review.view.actions.find((a) => a.kind === 'approval_granted');
      assert.equal(refused.code, 'sod.approves_own_credit_decision');
      await B.find(page, 'denied:approval_granted');
      // what a keyboard user sees: the focus ring on the action the keys act on, the refusal beside it
      const allowed = s.review.view.actions.find((a) => a.allowed);
      await B.reach(page, `action:${allowed.kind}`);
      const timeline = await B.find(page, 'section:case_timeline');  // below it: dates that change daily
      const shot = await page.screenshot({ clip: { x: 0, y: 0, width: VIEWPORT.width, height: timeline.y - 4 } });
      const r = compareWithGolden('keyboard-focus-case.png', shot);
      assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);

      await R.switchTo(page, 'approver@bank.example');
      await R.openCase(page, enrollment);
      s = await R.act(page, 'approval_granted', 'Within tier 1');
      assert.equal(s.review.view.stage, 'master_data');

      await R.switchTo(page, 'steward@bank.example');
      await R.openCase(page, enrollment);
      s = await R.act(page, 'master_data_created', '', async () => {
        await B.replaceText(page, '/master_data_created/customer_number', 'C-100042');
        await B.waitState(page, (st) => st.review.draft.master_data_created.customer_number === 'C-100042', 'number');
      });

      await R.switchTo(page, 'billing@bank.example');
      await R.openCase(page, enrollment);
      s = await R.act(page, 'billing_configured', '');
      s = await R.act(page, 'activated', '');
      assert.equal(s.review.view.stage, 'active');
    } finally { await browser.close(); }
  });

  it('the customer sees the confirmation and prints it', async () => {
    const { browser, page } = await keyboardPortal(server.baseUrl + '?nosw');
    try {
      await P.signIn(page, 'tom@oakfield.example');
      const s = await B.waitState(page, (st) => st.status && st.status.confirmation, 'confirmation', 20000);
      assert.equal(s.status.confirmation.customer_number, 'C-100042');
      await B.click(page, 'printable');
      await B.waitState(page, (st) => st.printable, 'printable view');
      await page.evaluate(() => { window.print = () => { window.onbPrinted = (window.onbPrinted || 0) + 1; }; });
      await B.click(page, 'print');
      await page.waitForFunction(() => window.onbPrinted === 1, null, { timeout: 5000 });
      await page.keyboard.press('Escape');
      await B.waitState(page, (st) => !st.printable, 'printable view closed by Escape');
    } finally { await browser.close(); }
  });
});
