// Starts the real onboard-server for a test run: its own port (--port 0) and a throwaway database, the
// portal's site from the wasm build. Resolves once the server logs {"event":"listening",...,"port":N}.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STARTUP_TIMEOUT_MS = 15000;
const STOP_TIMEOUT_MS = 5000;

function requireFile(file, what, hint) {
  if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}: ${hint}`);
  return file;
}

// -> { baseUrl, port, stop() }. The binary from ONB_SERVER, the site from ONB_SITE (both relative to the repo).
async function startServer() {
  const binary = requireFile(path.resolve(ROOT, process.env.ONB_SERVER || 'build/native/server/onboard-server'),
    'onboard-server', 'build it (cmake --build build/native --target onboard-server) or set ONB_SERVER');
  const site = path.resolve(ROOT, process.env.ONB_SITE || 'build/wasm/site');
  requireFile(path.join(site, 'portal.wasm'), 'the portal site', 'build the wasm target or set ONB_SITE');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onb-e2e-'));
  const child = spawn(binary, ['--host', '127.0.0.1', '--port', '0', '--data', path.join(dir, 'e2e.db'), '--site', site],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  child.stderr.on('data', (d) => log.push(String(d)));

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not report listening within ' +
      STARTUP_TIMEOUT_MS + ' ms:\n' + log.join(''))), STARTUP_TIMEOUT_MS);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${log.join('')}`)); });
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      log.push(line + '\n');
      let msg;
      try { msg = JSON.parse(line); } catch { return; }
      if (msg.event === 'listening' && Number.isInteger(msg.port)) { clearTimeout(timer); resolve(msg.port); }
    });
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Staff come from the command line (`onboard-server user add EMAIL ROLE[,ROLE…] [--tier N]`, password on
  // stdin), run against the same database while the server serves it. `role` is one role or a list of them
  // (one person with several staff roles); credit approvers need a `tier`.
  async function addUser(email, role, password, tier) {
    const roles = Array.isArray(role) ? role.join(',') : role;
    const args = ['user', 'add', email, roles, ...(tier ? ['--tier', String(tier)] : []), '--data', path.join(dir, 'e2e.db')];
    const p = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.stdin.end(password + '\n');
    const code = await new Promise((resolve) => p.on('exit', resolve));
    if (code !== 0) throw new Error(`user add ${email} ${roles} failed (${code}): ${out}`);
  }
  return { baseUrl: `http://127.0.0.1:${port}/`, port, stop, log, addUser };
}

module.exports = { startServer, ROOT };
