// A reviewer's moves in the portal, shared by journey 3 (reviewer.test.js) and its keyboard-only run
// (keyboard.test.js): open a case from the queue, act on it with a reason, change to another person.
'use strict';
const B = require('./browser');
const P = require('./portal');

// The queue shows the case; its row opens it.
async function openCase(page, enrollment) {
  await B.waitState(page, (s) => s.screen === 'queue' && s.queue.status === 'loaded', 'queue loaded', 20000);
  await B.click(page, `open:${enrollment}`);
  return B.waitState(page, (s) => s.review.view && s.review.view.id === enrollment, 'case open');
}

// Chooses an action, lets `fill` change the prefilled form, writes the reason, sends, and waits for the
// next version of the case (events reloaded too).
async function act(page, kind, reason, fill = async () => {}) {
  const before = await B.state(page);
  await B.click(page, `action:${kind}`);
  await B.waitState(page, (s) => s.review.chosen === kind, `${kind} form open`);
  await fill();
  if (reason) {
    await B.replaceText(page, '/reason', reason);
    await B.waitState(page, (s) => s.review.draft.reason === reason, 'reason typed');
  }
  await B.click(page, 'send_action');
  return B.waitState(page, (s) => s.review.done === kind && s.review.view.version > before.review.view.version &&
    s.review.events.length > before.review.events.length, `${kind} recorded`, 20000);
}

async function setNumber(page, pointer, value) {
  await B.replaceText(page, pointer, String(value));
  await B.waitState(page, (s) => String(P.valueAt(s.review.draft, pointer)) === String(value), `${pointer} = ${value}`);
}

async function switchTo(page, email) {
  await B.click(page, 'sign_out');
  await B.waitState(page, (s) => s.screen === 'sign_in', 'signed out');
  return P.signIn(page, email);
}

module.exports = { openCase, act, setNumber, switchTo };
