// Journey (2): a sales rep (an account made with `onboard-server user add`) fills an application for a
// customer, validated offline as they type, saves it on the server and gets the invitation link; the
// customer opens the link, signs up, claims the application (the rep's data arrives) and submits it.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('./lib/server');
const B = require('./lib/browser');
const P = require('./lib/portal');
const { compareWithGolden } = require('./lib/golden');

const TIMEOUT = { timeout: 240000 };
let server;
before(async () => {
  server = await startServer();
  await server.addUser('rep@seller.example', 'sales_rep', P.PASSWORD);
});
after(async () => { if (server) await server.stop(); });

describe('journey 2: a sales rep starts, the customer claims by the invite link and submits', TIMEOUT, () => {
  let invite;
  let enrollment;
  it('the sales rep fills the application and gets an invitation link', async () => {
    const browser = await B.launch({ viewport: { width: 1100, height: 1500 } });
    try {
      const page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
      const s0 = await P.signIn(page, 'rep@seller.example');
      assert.equal(s0.session.account.role, 'sales_rep');
      assert.equal(s0.screen, 'customers');  // a rep lands on their customers
      await B.waitState(page, (st) => st.queue.status === 'loaded' && st.queue.items.length === 0, 'no customers yet');
      await B.click(page, 'new_application');
      await B.waitState(page, (st) => st.screen === 'application', 'application form');
      await P.fillSoleTrader(page, 'Oakfield Joinery');
      await B.click(page, 'submit');
      const s = await B.waitState(page, (st) => st.submission.status === 'invited', 'invited', 20000);
      assert.match(s.invite_token, /^[0-9a-z]{16,}$/i);
      await B.find(page, 'copy_invite');
      invite = s.invite_token;
      // back on the list: the new customer, blocked by the invitation nobody claimed yet
      await B.click(page, 'my_customers');
      const list = await B.waitState(page, (st) => st.screen === 'customers' && st.queue.status === 'loaded' &&
        st.queue.items.length === 1, 'the new customer listed', 20000);
      const row = list.queue.items[0];
      assert.equal(row.legal_name, 'Oakfield Joinery');
      assert.equal(row.stage, 'draft');
      assert.equal(row.customer_id, '');
      assert.deepEqual(row.waiting_on, ['customer']);
      await B.find(page, `blocks:${row.id}`);
    } finally { await browser.close(); }
  });

  it('the customer opens the link, signs up, sees the rep\'s data and submits', async () => {
    const browser = await B.launch({ viewport: { width: 1100, height: 1500 } });
    try {
      const page = await B.openPortal(browser.context, `${server.baseUrl}?nosw&invite=${invite}`);
      await P.signUp(page, 'tom@oakfield.example');
      let s = await B.waitState(page, (st) => st.enrollment && st.application.entity.legal_name === 'Oakfield Joinery',
        'claimed', 20000);
      assert.equal(s.application.documents.length, 2);
      assert.equal(s.invite, undefined);
      await P.step(page, 'review');
      await B.click(page, 'submit');
      s = await B.waitState(page, (st) => st.submission.status === 'submitted', 'submitted', 20000);
      const list = await P.api(server.baseUrl, 'GET', '/v1/enrollments', s.session.token);
      assert.equal(list.body.items.length, 1);
      assert.equal(list.body.items[0].stage, 'submitted');
      assert.equal(list.body.items[0].id, s.enrollment.id);
      await B.settle(page);
      const bar = await B.find(page, 'step:company');  // below the timeline, whose dates change daily
      const shot = await page.screenshot({ clip: { x: 0, y: bar.y - 6, width: 1100, height: 1500 - (bar.y - 6) } });
      const r = compareWithGolden('journey2-claimed-submitted.png', shot);
      assert.ok(r.diffPixels <= r.maxDiffPixels, `${r.diffPixels} pixels differ from ${r.golden} (see ${r.actual})`);
      enrollment = s.enrollment.id;
    } finally { await browser.close(); }
  });

  it('the sales rep\'s list shows the customer submitted, claimed, and whom it waits on', async () => {
    const browser = await B.launch({ viewport: { width: 1100, height: 700 } });
    try {
      const page = await B.openPortal(browser.context, server.baseUrl + '?nosw');
      await P.signIn(page, 'rep@seller.example');
      const s = await B.waitState(page, (st) => st.screen === 'customers' && st.queue.status === 'loaded' &&
        st.queue.items.length === 1, 'the rep\'s customers', 20000);
      const row = s.queue.items[0];
      assert.equal(row.id, enrollment);
      assert.equal(row.stage, 'submitted');
      assert.notEqual(row.customer_id, '');  // claimed: no longer blocked by the invitation
      assert.deepEqual(row.waiting_on, ['compliance_officer']);
      assert.equal(row.errors, 0);
      await B.find(page, `customer_stage:${row.id}`);
      await B.find(page, `blocks:${row.id}`);
    } finally { await browser.close(); }
  });
});
