// The portal's journeys in person-sized steps: sign up, fill a field, choose from a list, attach a
// file. Everything goes through real clicks and keys on the canvas (lib/browser.js).
'use strict';
const B = require('./browser');

const PASSWORD = 'correct horse battery';

async function signUp(page, email) {
  await B.click(page, 'mode:sign_up');
  await B.replaceText(page, 'email', email);
  await B.replaceText(page, 'password', PASSWORD);
  await B.click(page, 'auth_submit');
  return B.waitState(page, (s) => s.session && s.screen === 'application', `signed up as ${email}`, 20000);
}

// Types into the field at a JSON pointer and waits until the application holds it.
async function fill(page, path, text) {
  await B.replaceText(page, path, text);
  await B.waitState(page, (s) => String(valueAt(s.application, path)) === String(text), `${path} = ${text}`);
}

async function choose(page, path, value) {
  await B.click(page, path);
  await B.click(page, `${path}=${value}`);
  await B.waitState(page, (s) => valueAt(s.application, path) === value, `${path} = ${value}`);
}

async function add(page, path) {
  const before = JSON.stringify(valueAt((await B.state(page)).application, path) ?? null);
  await B.click(page, `add:${path}`);
  await B.waitState(page, (s) => JSON.stringify(valueAt(s.application, path) ?? null) !== before, `added at ${path}`);
}

async function step(page, id) {
  const items = await B.items(page);
  const hit = items.find((i) => i.label.endsWith(`##step:${id}`));
  if (!hit) throw new Error(`no step ${id}`);
  await B.click(page, `step:${id}`);
}

// Attaches an in-memory file through the real file chooser of the button `label`.
async function attach(page, label, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), B.click(page, label)]);
  const before = (await B.state(page)).application.documents.length;
  await chooser.setFiles(file);
  await B.waitState(page, (s) => s.application.documents.length === before + 1, `file ${file.name} attached`);
}

function valueAt(obj, pointer) {
  return pointer.split('/').slice(1).reduce((o, k) => (o == null ? undefined : o[k.replace(/~1/g, '/').replace(/~0/g, '~')]), obj);
}

async function api(baseUrl, method, path, token, body) {
  const res = await fetch(new URL(path, baseUrl), {
    method, signal: AbortSignal.timeout(10000),
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

module.exports = { PASSWORD, signUp, fill, choose, add, step, attach, valueAt, api };

// Fills the sole trader of tests/data/applications/minimal.json through the form, step by step,
// attaching both documents through the file chooser and giving the consents. Leaves the review step open.
const PNG_1x1 = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f7a1e7f10000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function fillSoleTrader(page, name) {
  await step(page, 'company');
  await fill(page, '/entity/legal_name', name);
  await choose(page, '/entity/entity_type', 'sole_trader');
  await fill(page, '/entity/incorporation_country', 'GB');
  await fill(page, '/entity/incorporation_date', '2018-09-01');
  await step(page, 'addresses_contacts');
  await add(page, '/addresses/registered/street_lines');
  await fill(page, '/addresses/registered/street_lines/0', '14 Mill Lane');
  await fill(page, '/addresses/registered/city', 'Hebden Bridge');
  await fill(page, '/addresses/registered/postal_code', 'HX7 8AB');
  await fill(page, '/addresses/registered/country', 'GB');
  await add(page, '/contacts');
  await fill(page, '/contacts/0/name', 'Tom Ashworth');
  await fill(page, '/contacts/0/email', 'tom@oakfield-joinery.example.co.uk');
  await fill(page, '/contacts/0/phone', '+44 1422 845 120');
  await step(page, 'owners_directors');
  await add(page, '/owners');
  await fill(page, '/owners/0/given_names', 'Thomas');
  await fill(page, '/owners/0/family_name', 'Ashworth');
  await fill(page, '/owners/0/date_of_birth', '1984-07-19');
  await fill(page, '/owners/0/nationality', 'GB');
  await fill(page, '/owners/0/residence_country', 'GB');
  await fill(page, '/owners/0/ownership_percent', '100');
  await add(page, '/owners/0/identity_document');
  await choose(page, '/owners/0/identity_document/type', 'driving_licence');
  await fill(page, '/owners/0/identity_document/number', 'ASHWO807194T99AB');
  await fill(page, '/owners/0/identity_document/issuing_country', 'GB');
  await add(page, '/directors');
  await fill(page, '/directors/0/given_names', 'Thomas');
  await fill(page, '/directors/0/family_name', 'Ashworth');
  await choose(page, '/directors/0/role', 'proprietor');
  await B.click(page, '/directors/0/can_sign_alone');
  await step(page, 'documents');
  await attach(page, 'attach:trade_licence:/documents', { name: 'register.pdf', mimeType: 'application/pdf', buffer: PDF });
  await attach(page, 'attach:owner_identity_document:/owners/0/identity_document',
    { name: 'licence.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await B.click(page, 'consent:terms_and_conditions');
  await B.click(page, 'consent:data_processing');
  await B.waitState(page, (s) => s.application.consents.length === 2, 'two consents');
  await step(page, 'review');
}

// Signs in and waits for the screen of the account's role: the application (customers), their customers
// (sales reps) or the queue (reviewers).
async function signIn(page, email, password = PASSWORD) {
  await B.replaceText(page, 'email', email);
  await B.replaceText(page, 'password', password);
  await B.click(page, 'auth_submit');
  return B.waitState(page, (s) => s.session && s.screen !== 'sign_in', `signed in as ${email}`, 20000);
}

module.exports.fillSoleTrader = fillSoleTrader;
module.exports.signIn = signIn;
module.exports.PNG_1x1 = PNG_1x1;
module.exports.PDF = PDF;
