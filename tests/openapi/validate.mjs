// Validates the server's own /openapi.json as OpenAPI 3.1: starts the real onboard-server on 127.0.0.1
// (any free port, a throwaway database), fetches the document and checks it
//   1. against the OpenAPI 3.1 JSON Schema (@seriousme/openapi-schema-validator, pinned in package-lock.json);
//   2. with the semantic rules a schema cannot express (those openapi-spec-validator applies): every
//      {parameter} of a path is declared `in: path` by each of its operations, declared path parameters
//      exist in the path, every $ref resolves, parameters are not declared twice; and ours: every operation
//      has a unique operationId and declared tags.
// Usage: node tests/openapi/validate.mjs [path/to/onboard-server]   (default build/native/server/onboard-server)
import { Validator } from '@seriousme/openapi-schema-validator';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = path.resolve(root, process.argv[2] || 'build/native/server/onboard-server');
const STARTUP_TIMEOUT_MS = 15000;

async function withServer(use) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onb-openapi-'));
  const child = spawn(binary, ['--host', '127.0.0.1', '--port', '0', '--data', path.join(dir, 'openapi.db'),
    '--site', path.join(dir, 'no-site')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  child.stderr.on('data', (d) => log.push(String(d)));
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" within ${STARTUP_TIMEOUT_MS} ms:\n${log.join('')}`)),
        STARTUP_TIMEOUT_MS);
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${log.join('')}`)); });
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        let msg;
        try { msg = JSON.parse(line); } catch { return; }
        if (msg.event === 'listening' && Number.isInteger(msg.port)) { clearTimeout(timer); resolve(msg.port); }
      });
    });
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function resolveRef(doc, ref) {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').reduce((node, key) => (node === undefined ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
}

// The rules of the OpenAPI specification that its JSON Schema does not check.
function semanticProblems(doc) {
  const problems = [];
  const operationIds = new Map();
  for (const [template, item] of Object.entries(doc.paths || {})) {
    const inPath = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${template}`;
      const params = [...(item.parameters || []), ...(op.parameters || [])].map((p) => (p.$ref ? resolveRef(doc, p.$ref) : p));
      const seen = new Set();
      for (const p of params) {
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) problems.push(`${where}: parameter ${key} declared twice`);
        seen.add(key);
        if (p.in === 'path' && !inPath.includes(p.name)) problems.push(`${where}: path parameter '${p.name}' is not in the path`);
        if (p.in === 'path' && p.required !== true) problems.push(`${where}: path parameter '${p.name}' must be required`);
      }
      for (const name of inPath)
        if (!seen.has(`path:${name}`)) problems.push(`${where}: path parameter '${name}' was not resolved`);
      if (!op.operationId) problems.push(`${where}: no operationId`);
      else if (operationIds.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} also names ${operationIds.get(op.operationId)}`);
      else operationIds.set(op.operationId, where);
      for (const name of op.tags || [])
        if (doc.tags && !doc.tags.some((t) => t.name === name)) problems.push(`${where}: tag '${name}' is not declared`);
      for (const s of op.security || [])
        for (const scheme of Object.keys(s))
          if (!doc.components?.securitySchemes?.[scheme]) problems.push(`${where}: security scheme '${scheme}' is not defined`);
    }
  }
  const walk = (node, at) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`));
    if (node && typeof node === 'object') {
      if (typeof node.$ref === 'string' && resolveRef(doc, node.$ref) === undefined) problems.push(`${at}: $ref ${node.$ref} does not resolve`);
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`);
    }
  };
  walk(doc, '#');
  return problems;
}

const doc = await withServer(async (base) => {
  const res = await fetch(`${base}/openapi.json`);
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
  return res.json();
});
const validator = new Validator();
const result = await validator.validate(doc);
const problems = result.valid ? [] : (Array.isArray(result.errors) ? result.errors : [result.errors]).map((e) => JSON.stringify(e));
if (validator.version !== '3.1') problems.push(`the document is OpenAPI ${validator.version}, not 3.1`);
problems.push(...semanticProblems(doc));
if (problems.length) {
  console.error(`/openapi.json is not valid OpenAPI 3.1 (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const operations = Object.values(doc.paths).reduce((n, item) => n + METHODS.filter((m) => item[m]).length, 0);
console.log(`/openapi.json is valid OpenAPI ${doc.openapi}: ${Object.keys(doc.paths).length} paths, ${operations} operations`);
