#!/usr/bin/env node
// End-to-end scenario: Claim Check installed into real VS Code (code-server 4.100.3 = Code 1.100.3),
// driven in headless Debian Chromium through playwright-core.
//
//   sh scripts/install-code-server.sh && node test/e2e/run.mjs
//
// Environment (paths are relative to the repo root):
//   CLAIMCHECK_VSIX           .vsix to install            (default claim-check.vsix, built by `npm run package`)
//   CLAIMCHECK_SKIP_PACKAGE=1 do not run `npm run package`
//   CLAIMCHECK_DRAFT          Markdown draft to open        (default examples/seed-commentary.md)
//   CLAIMCHECK_HOVER_TEXT     program mention to hover      (default "Operation Citadel")
//   CLAIMCHECK_DATA_DIR       JSON with source titles the hover must show one of (default data/; if none, the
//                             hover must show a block quote followed by another line)
//   CLAIMCHECK_E2E_TIMEOUT_MS overall timeout               (default 240000)
//   CLAIMCHECK_E2E_KEEP=1     keep the temporary folder (user data, logs) for debugging
//
// Screenshots of each step go to test/e2e/artifacts/ (git-ignored), plus failure-<step>.png on failure.
// Every process started here (code-server and its children, Chromium) runs in its own process group,
// which is killed on success, failure, timeout and SIGINT/SIGTERM. Only 127.0.0.1 is bound.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const env = process.env;

const CS_VERSION = '4.100.3';
const CS_ENTRY = path.join(ROOT, '.e2e/code-server/node_modules/code-server/out/node/entry.js');
const VSIX = path.resolve(ROOT, env.CLAIMCHECK_VSIX || 'claim-check.vsix');
const DRAFT = path.resolve(ROOT, env.CLAIMCHECK_DRAFT || 'examples/seed-commentary.md');
const SKIP_PACKAGE = env.CLAIMCHECK_SKIP_PACKAGE === '1';
const HOVER_TEXT = env.CLAIMCHECK_HOVER_TEXT || 'Operation Citadel';
const DATA_DIR = path.resolve(ROOT, env.CLAIMCHECK_DATA_DIR || 'data');
const TOTAL_TIMEOUT = Number(env.CLAIMCHECK_E2E_TIMEOUT_MS) || 240_000;
const KEEP = env.CLAIMCHECK_E2E_KEEP === '1';
const ARTIFACTS = path.join(HERE, 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
// The source library step: a PDF of the writer's own, a source naming it, and a draft quoting it.
const LIBRARY_KEY = 'tciu-report-2018';
const LIBRARY_PAGES = [
  ['Border Security: CBP Training of Guatemalan Police'],
  ['Since 2015, the Transnational Criminal Investigative Unit has led to the', 'identification of 36 illicit organizations, according to agency officials.'],
];
const LIBRARY_DRAFT = 'library-draft.md';
const LIBRARY_QUOTE = 'has led to the identification of 36 illicit organizations';
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'; // fonts-dejavu-core
const WAIT = 60_000; // upper bound for a single UI wait (the overall timeout still applies)

// ---------------------------------------------------------------- bookkeeping
const T0 = performance.now();
const timings = [];
let currentStep = 'setup';
let page; let context; let tmp; let csLog; let userData;
const groups = new Map(); // pgid -> label

const secs = (ms) => (ms / 1000).toFixed(2) + ' s';
const log = (msg) => console.log(`[e2e ${secs(performance.now() - T0).padStart(8)}] ${msg}`);

class E2EError extends Error {}
const fail = (msg) => { throw new E2EError(msg); };

let stopped = false; // set on failure/timeout/signal so a still-running main() does not start new steps

async function step(name, fn) {
  if (stopped) fail('stopped');
  currentStep = name;
  const t = performance.now();
  log(`▶ ${name}`);
  const result = await fn();
  const ms = performance.now() - t;
  timings.push({ step: name, ms: Math.round(ms) });
  log(`✔ ${name} (${secs(ms)})`);
  return result;
}

async function shot(name) {
  if (!page) return;
  // Let finite CSS animations (hover fade-in, etc.) finish so the picture is not half transparent.
  await Promise.race([
    page.evaluate(() => Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {})))),
    new Promise((r) => setTimeout(r, 2000)),
  ]).catch(() => {});
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, timeout: 10_000 }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
}

// ---------------------------------------------------------------- processes
function run(label, cmd, args, opts = {}) {
  // Runs to completion in its own process group; resolves { code, out }.
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.set(child.pid, label);
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', async (code) => { await killGroup(child.pid); resolve({ code, out }); });
  });
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

async function killGroup(pgid) {
  if (!groups.has(pgid)) return;
  const label = groups.get(pgid);
  if (groupAlive(pgid)) {
    const left = processesInGroup(pgid);
    try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
    const deadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive(pgid)) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
    const d2 = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < d2) await new Promise((r) => setTimeout(r, 50));
    if (left.length) log(`killed process group ${pgid} (${label}): ${left.length} process(es)`);
  }
  groups.delete(pgid);
}

function readProc(pid, file) {
  try { return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8'); } catch { return ''; }
}

function allPids() {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

function processesInGroup(pgid) {
  return allPids().filter((pid) => {
    const stat = readProc(pid, 'stat');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[2]) === pgid;
  });
}

function processesMentioning(text) {
  return allPids().filter((pid) => pid !== process.pid && readProc(pid, 'cmdline').includes(text));
}

// Addresses in /proc/net/{tcp,udp}{,6} are hex, 32-bit words in host (little-endian) order.
function decodeAddr(hex) {
  const [a, p] = hex.split(':');
  const port = parseInt(p, 16);
  const words = a.match(/.{8}/g).map((w) => w.match(/../g).reverse().join(''));
  const bytes = words.join('').match(/../g).map((b) => parseInt(b, 16));
  if (bytes.length === 4) return { ip: bytes.join('.'), port, loopback: bytes[0] === 127 };
  const v4mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255;
  const loopback = v4mapped ? bytes[12] === 127 : bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1;
  const ip = v4mapped ? '::ffff:' + bytes.slice(12).join('.') : words.join('').match(/.{4}/g).join(':');
  return { ip, port, loopback };
}

function boundSockets(pids) {
  const inodes = new Map();
  for (const pid of pids) {
    let fds = [];
    try { fds = fs.readdirSync(`/proc/${pid}/fd`); } catch { continue; }
    for (const fd of fds) {
      let target = '';
      try { target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m) inodes.set(m[1], pid);
    }
  }
  const found = [];
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6']) {
    let lines = [];
    try { lines = fs.readFileSync(`/proc/net/${proto}`, 'utf8').trim().split('\n').slice(1); } catch { continue; }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      const local = f[1]; const state = f[3]; const inode = f[9]; // sl local rem st tx:rx tr:when retr uid timeout inode
      if (!inodes.has(inode)) continue;
      const addr = decodeAddr(local);
      if (proto.startsWith('tcp') && state !== '0A') continue; // LISTEN only
      if (proto.startsWith('udp') && addr.port === 0) continue;
      found.push({ proto, ...addr, pid: inodes.get(inode), cmd: readProc(inodes.get(inode), 'comm').trim() });
    }
  }
  return found;
}

let cleanupPromise;
function cleanup() { // idempotent: every caller awaits the same run
  cleanupPromise ??= doCleanup();
  return cleanupPromise;
}

async function doCleanup() {
  if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  for (const pgid of [...groups.keys()]) await killGroup(pgid);
  if (tmp) {
    const strays = processesMentioning(tmp);
    if (strays.length) {
      log(`stray processes after cleanup: ${strays.join(' ')}, sending SIGKILL`);
      for (const pid of strays) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    }
    const left = processesMentioning(tmp);
    log(left.length ? `WARNING: processes still alive: ${left.join(' ')}` : 'process tree: nothing left running');
    if (KEEP) log(`kept temporary folder ${tmp}`);
    else await fsp.rm(tmp, { recursive: true, force: true }).catch((e) => log(`could not remove ${tmp}: ${e.message}`));
  }
}

process.on('exit', () => { // last resort; synchronous
  for (const pgid of groups.keys()) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
});
let interrupt; // rejects the running scenario; the normal failure path then screenshots and cleans up
const interrupted = new Promise((_, reject) => { interrupt = reject; });
interrupted.catch(() => {});
let signalled = null;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (signalled) { log(`second ${sig}: killing process groups and exiting now`); process.exit(130); }
    signalled = sig;
    log(`received ${sig}: stopping`);
    interrupt(new E2EError(`interrupted by ${sig}`));
  });
}

// ---------------------------------------------------------------- helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitFor(what, predicate, timeout = WAIT, interval = 100) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await predicate(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > deadline) fail(`timed out after ${secs(timeout)} waiting for ${what}` + (last instanceof Error ? `: ${last.message}` : ''));
    await new Promise((r) => setTimeout(r, interval));
  }
}

function tail(text, n = 30) { return text.split('\n').slice(-n).join('\n'); }

function findTitles(dir) {
  const titles = new Set();
  const visit = (v) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      // a source record: a title plus a date, url or publisher (JSON-schema "title"s do not count)
      if (typeof v.title === 'string' && v.title.length >= 8 && (v.url || v.date || v.publisher || v.publisher_or_venue)) titles.add(v.title);
      Object.values(v).forEach(visit);
    }
  };
  let files = [];
  try { files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json') && !f.split(path.sep).includes('schema')); } catch { return []; }
  for (const f of files) { try { visit(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))); } catch { /* not data */ } }
  return [...titles];
}

const norm = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

// ---------------------------------------------------------------- UI helpers
const PROBLEMS_STATUS = '[id="status.problems"]';
const ACTION_ROWS = '.action-widget .monaco-list-row.action';

async function openProblems() {
  if (await page.locator('.markers-panel').isVisible().catch(() => false)) return;
  await page.locator(PROBLEMS_STATUS).click();
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: WAIT });
}

async function problemRows() {
  // [{ text, line, col }] for the marker rows visible in the Problems panel.
  const texts = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  return texts.map((t) => {
    const m = /\[Ln (\d+), Col (\d+)\]/.exec(t);
    return { text: norm(t), line: m ? Number(m[1]) : 0, col: m ? Number(m[2]) : 0 };
  }).filter((r) => r.line);
}

async function filteredProblems(filter, what, accept = (rows) => rows.length > 0, timeout = WAIT) {
  // Types `filter` into the Problems panel's filter box (it matches message, source and code, so the rows
  // needed are never scrolled out of the virtualized list) and waits until the list shows only matching rows
  // and accept(rows) holds. An empty filter shows everything again.
  await openProblems();
  await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill(filter);
  return waitFor(what, async () => {
    const rows = await problemRows();
    return rows.every((r) => r.text.includes(filter)) && accept(rows) ? rows : null;
  }, timeout);
}

async function focusEditor() {
  // Escape closes hovers/widgets; Ctrl+1 focuses the first editor group.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: WAIT });
}

async function goTo(line, col) {
  await focusEditor();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: WAIT });
  await waitFor(`cursor at Ln ${line}, Col ${col}`, async () =>
    new RegExp(`\\bLn ${line}, Col ${col}\\b`).test(await page.locator('[id="status.editor.selection"]').innerText({ timeout: 1000 }).catch(() => '')), 10_000);
}

/** A PDF whose pages hold `pages`' lines, written with DejaVu Sans. */
function makePdf(pages) {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const lines of pages) {
    doc.addPage();
    doc.font(FONT).fontSize(11);
    for (const line of lines) doc.text(line, { width: 460 });
  }
  doc.end();
  return done;
}

/** The writer's own source and its document in the workspace's library, and a draft that quotes it. */
async function writeLibrary(ws) {
  if (!fs.existsSync(FONT)) fail(`font not found: ${FONT} (apt-get install fonts-dejavu-core)`);
  await fsp.mkdir(path.join(ws, '.claimcheck/library'), { recursive: true });
  await fsp.writeFile(path.join(ws, '.claimcheck/sources.json'), JSON.stringify([
    { id: LIBRARY_KEY, type: 'report', title: 'Border Security: CBP Training of Guatemalan Police' },
  ]));
  await fsp.writeFile(path.join(ws, `.claimcheck/library/${LIBRARY_KEY}.pdf`), await makePdf(LIBRARY_PAGES));
  await fsp.writeFile(path.join(ws, LIBRARY_DRAFT), `The unit "${LIBRARY_QUOTE}" [@${LIBRARY_KEY}].\n`);
}

async function openFile(name) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/**
 * Moves the mouse onto `needle` (on line `line`, column `col`, 1-based) and waits for the hover
 * card that `select` picks among the cards holding `cardText`; returns that card.
 */
async function hoverCard(line, col, needle, select, what) {
  await goTo(line, col); // reveals the line
  await page.keyboard.press('Escape');
  const box = await waitFor(`"${needle}" rendered in the editor`, () => page.evaluate((needle) => {
    for (const el of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = ''; const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data.replace(/\u00a0/g, ' '); }
      const i = text.indexOf(needle);
      if (i < 0) continue;
      const at = (off) => { const [n, start] = nodes.filter(([, s]) => s <= off).pop(); return [n, Math.min(off - start, n.data.length)]; };
      const r = document.createRange(); r.setStart(...at(i)); r.setEnd(...at(i + Math.min(needle.length, 6)));
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  }, needle), 10_000);
  const cards = () => select(page.locator('.monaco-hover', { hasText: needle }));
  await waitFor(what, async () => {
    await page.mouse.move(box.x - 40, box.y + 60);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    await cards().first().waitFor({ state: 'visible', timeout: 3000 });
    return true;
  }, 30_000, 0);
  return cards().first();
}

async function codeActionTitles() {
  // Opens the quick-fix menu at the cursor (Ctrl+.) and returns the titles shown.
  await page.keyboard.press('Control+.');
  await page.locator(ACTION_ROWS).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
    const shown = norm(await page.locator('.action-widget, .monaco-editor .message, .context-view').first().innerText({ timeout: 1000 }).catch(() => ''));
    fail(`Ctrl+. showed no code actions within 15 s${shown ? ` (shown: "${shown.slice(0, 120)}")` : ''}`);
  });
  return (await page.locator(ACTION_ROWS).allInnerTexts()).map(norm);
}

async function applyAction(title) {
  // Keyboard, not a click: the menu puts a pointer-blocking overlay over itself until the mouse moves.
  const rows = (await page.locator(ACTION_ROWS).allInnerTexts()).map(norm);
  if (!rows.includes(title)) fail(`code action "${title}" is not in the menu: ${JSON.stringify(rows)}`);
  for (let i = 0; i <= rows.length; i++) {
    const focused = norm(await page.locator(`${ACTION_ROWS}.focused`).first().innerText({ timeout: 5000 }).catch(() => ''));
    if (focused === title) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: WAIT });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  fail(`could not focus code action "${title}" in the menu with the arrow keys`);
}

async function saveAndRead(file, check, what) {
  await focusEditor();
  await page.keyboard.press('Control+S');
  let saved = performance.now();
  return waitFor(`${what} in ${path.basename(file)} on disk after Ctrl+S`, async () => {
    const text = await fsp.readFile(file, 'utf8');
    if (check(text)) return text;
    // A Ctrl+S that lands while the workbench is still busy with the edit can be lost: press it again.
    if (performance.now() - saved > 3000) {
      await focusEditor();
      await page.keyboard.press('Control+S');
      saved = performance.now();
    }
    return null;
  }, 20_000);
}

// ---------------------------------------------------------------- scenario
async function main() {
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  for (const f of await fsp.readdir(ARTIFACTS)) if (/\.(png|txt)$/.test(f) || f === 'timings.json') await fsp.rm(path.join(ARTIFACTS, f));

  await step('preflight', async () => {
    if (!fs.existsSync(CS_ENTRY)) fail(`code-server is not installed (${path.relative(ROOT, CS_ENTRY)} missing): run sh scripts/install-code-server.sh`);
    const marker = path.join(ROOT, '.e2e/code-server/.installed');
    if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8').trim() !== CS_VERSION) fail(`code-server ${CS_VERSION} is not (completely) installed: run sh scripts/install-code-server.sh`);
    if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} missing: run sh scripts/install-code-server.sh (it installs Debian's chromium)`);
    if (!fs.existsSync(DRAFT)) fail(`draft not found: ${DRAFT} (set CLAIMCHECK_DRAFT)`);
    if (!fs.readFileSync(DRAFT, 'utf8').includes(HOVER_TEXT)) fail(`draft ${DRAFT} does not mention "${HOVER_TEXT}" (set CLAIMCHECK_HOVER_TEXT)`);
  });

  if (!SKIP_PACKAGE) {
    await step('npm run package', async () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      if (!pkg.scripts?.package) fail('package.json has no "package" script (set CLAIMCHECK_SKIP_PACKAGE=1 and CLAIMCHECK_VSIX=<file.vsix> to test a prebuilt .vsix)');
      const r = await run('npm run package', 'npm', ['run', 'package'], { cwd: ROOT, env: { ...env, npm_config_update_notifier: 'false' } });
      if (r.code !== 0) fail(`npm run package exited ${r.code}:\n${tail(r.out)}`);
    });
  }
  if (!fs.existsSync(VSIX)) fail(`.vsix not found: ${VSIX}` + (SKIP_PACKAGE ? ' (CLAIMCHECK_SKIP_PACKAGE=1 is set)' : ' (npm run package did not produce it)'));

  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'claimcheck-e2e-'));
  userData = path.join(tmp, 'user-data');
  const extDir = path.join(tmp, 'extensions');
  const home = path.join(tmp, 'home');
  const ws = path.join(tmp, 'workspace');
  const config = path.join(tmp, 'code-server.yaml');
  const draft = path.join(ws, path.basename(DRAFT));
  const csEnv = {
    ...env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'), TMPDIR: path.join(tmp, 'tmp'),
  };
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'GITHUB_TOKEN', 'VSCODE_PROXY_URI', 'NODE_OPTIONS']) delete csEnv[k];
  for (const d of [userData, extDir, home, ws, csEnv.TMPDIR, path.join(userData, 'User')]) await fsp.mkdir(d, { recursive: true });
  await fsp.copyFile(DRAFT, draft);
  await writeLibrary(ws);
  await fsp.writeFile(path.join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
    'editor.wordWrap': 'on',
    'editor.minimap.enabled': false,
    'editor.hover.delay': 150,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
  }, null, 2));
  log(`temporary folder ${tmp}`);

  await step('install .vsix', async () => {
    const r = await run('code-server --install-extension', process.execPath, [CS_ENTRY, '--config', config,
      '--user-data-dir', userData, '--extensions-dir', extDir, '--install-extension', VSIX, '--force'], { cwd: tmp, env: csEnv });
    if (r.code !== 0 || !/successfully installed/i.test(r.out)) fail(`installing ${VSIX} failed (exit ${r.code}):\n${tail(r.out)}`);
  });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await fsp.writeFile(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n`);
  csLog = path.join(tmp, 'code-server.log');

  await step('start code-server (until /healthz)', async () => {
    const out = fs.openSync(csLog, 'a');
    const cs = spawn(process.execPath, [CS_ENTRY, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--disable-proxy', '--user-data-dir', userData, '--extensions-dir', extDir, ws],
    { cwd: tmp, env: csEnv, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    groups.set(cs.pid, 'code-server');
    let exited = null;
    cs.on('exit', (code, sig) => { exited = `code-server exited (${code ?? sig})`; });
    await waitFor(`${url}/healthz`, async () => {
      if (exited) fail(`${exited}:\n${tail(fs.readFileSync(csLog, 'utf8'))}`);
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
      return res?.ok;
    }, 30_000);
  });

  await step('launch chromium', async () => {
    const { chromium } = require('playwright-core');
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // closed by cleanup(), after the failure screenshot
      env: { ...env, HOME: home, TMPDIR: csEnv.TMPDIR },
    });
    page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(WAIT);
  });

  await step('load workbench', async () => {
    await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: WAIT });
  });

  await step('network: only loopback is bound', async () => {
    const pids = [...groups.keys()].flatMap(processesInGroup).concat(processesMentioning(path.join(tmp, 'chromium-profile')));
    const sockets = boundSockets(pids);
    const bad = sockets.filter((s) => !s.loopback);
    log(`bound sockets: ${sockets.map((s) => `${s.proto} ${s.ip}:${s.port} (${s.cmd})`).join(', ') || 'none'}`);
    if (bad.length) fail(`non-loopback sockets bound: ${bad.map((s) => `${s.proto} ${s.ip}:${s.port} pid ${s.pid} ${s.cmd}`).join(', ')}`);
  });

  const name = path.basename(draft);
  await step('open draft (Ctrl+P)', () => openFile(name));

  await step('diagnostics: squiggles, Problems panel, status bar', async () => {
    await page.locator('.editor-instance .monaco-editor').locator('.squiggly-error, .squiggly-warning, .squiggly-info').first()
      .waitFor({ state: 'attached', timeout: WAIT });
    for (const code of ['uncited-claim', 'figure-mismatch']) {
      const rows = await filteredProblems(code, `a "Claim Check" diagnostic with code ${code} in the Problems panel`,
        (r) => r.some((x) => x.text.includes('Claim Check')));
      log(`${code}: ${rows.length} row(s), e.g. ${rows[0].text.slice(0, 140)}`);
    }
    await filteredProblems('', 'the unfiltered Problems panel', (r) => r.some((x) => !x.text.includes('figure-mismatch')));
    const status = norm(await page.locator(PROBLEMS_STATUS).innerText());
    const label = (await page.locator(PROBLEMS_STATUS).getAttribute('aria-label')) || '';
    const count = (status.match(/\d+/g) || []).map(Number).reduce((a, b) => a + b, 0);
    log(`status bar problems: "${status}" (${label}); Problems panel rows: ${(await problemRows()).length}`);
    if (!(count > 0)) fail(`status bar Problems count is not > 0: "${status}"`);
    await shot('01-diagnostics.png');
  });

  await step(`hover "${HOVER_TEXT}"`, async () => {
    const lines = fs.readFileSync(draft, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(HOVER_TEXT));
    const card = await hoverCard(line + 1, lines[line].indexOf(HOVER_TEXT) + 1, HOVER_TEXT, (c) => c.filter({ has: page.locator('blockquote') }),
      `a hover card mentioning "${HOVER_TEXT}" with a block quote`);
    const text = norm(await card.innerText());
    const quote = norm((await card.locator('blockquote').allInnerTexts()).join(' '));
    log(`hover: ${text.slice(0, 300)}${text.length > 300 ? '…' : ''} (full text: test/e2e/artifacts/02-hover.txt)`);
    await fsp.writeFile(path.join(ARTIFACTS, '02-hover.txt'), await card.innerText());
    if (quote.length < 10) fail(`hover block quote is (nearly) empty: "${quote}"`);
    const titles = findTitles(DATA_DIR);
    if (titles.length) {
      const shown = titles.find((t) => text.includes(norm(t).slice(0, 40)));
      if (!shown) fail(`hover shows none of the ${titles.length} source titles from ${path.relative(ROOT, DATA_DIR)}/: "${text.slice(0, 400)}"`);
      log(`hover source title: "${shown}"`);
    } else {
      const after = text.slice(text.indexOf(quote) + quote.length).trim();
      if (after.length < 5) fail(`hover has no source line after the quote (no ${path.relative(ROOT, DATA_DIR)}/ titles to compare): "${text}"`);
      log(`hover (no data titles to compare): quote + "${after.slice(0, 80)}"`);
    }
    await shot('02-hover.png');
    await page.keyboard.press('Escape');
  });

  let fixedAt;
  await step('quick fix: Cite … as a footnote (Ctrl+.)', async () => {
    const rows = await filteredProblems('uncited-claim', 'an uncited-claim row in the Problems panel');
    fixedAt = rows[0];
    log(`uncited-claim at Ln ${fixedAt.line}, Col ${fixedAt.col}: ${fixedAt.text.slice(0, 120)}`);
    await goTo(fixedAt.line, fixedAt.col);
    const titles = await codeActionTitles();
    log(`code actions: ${titles.map((t) => `"${t}"`).join(', ')}`);
    const title = titles.find((t) => t.startsWith('Cite') && t.includes('footnote'));
    if (!title) fail(`no code action starting with "Cite" and containing "footnote"; offered: ${JSON.stringify(titles)}`);
    await shot('03-cite-footnote-menu.png');
    await applyAction(title);
    const count = (t) => [(t.match(/\[\^/g) || []).length, (t.match(/\]:/g) || []).length];
    const [refs0, defs0] = count(fs.readFileSync(draft, 'utf8'));
    const text = await saveAndRead(draft, (t) => { const [r, d] = count(t); return r > refs0 && d > defs0; },
      'a new footnote reference "[^" and definition "]:"');
    const ref = (text.match(/\[\^[^\]\s]+\](?!:)/) || [''])[0];
    log(`footnote applied: reference ${ref}, definition ${(text.match(/^\[\^[^\]]+\]:.*$/m) || ['?'])[0].slice(0, 100)}`);
    await shot('03-cite-footnote.png');
  });

  await step('setting claimcheck.citationStyle=pandoc, next Cite fix inserts [@', async () => {
    const before = fs.readFileSync(draft, 'utf8');
    const beforeCount = (before.match(/\[@/g) || []).length;
    await fsp.mkdir(path.join(ws, '.vscode'), { recursive: true });
    await fsp.writeFile(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'claimcheck.citationStyle': 'pandoc' }, null, 2));
    // The fixed claim's diagnostic should go away; wait for the Problems panel to reflect the edit.
    const same = (r) => r.line === fixedAt.line && r.col === fixedAt.col;
    await filteredProblems('uncited-claim', `the fixed uncited-claim (Ln ${fixedAt.line}, Col ${fixedAt.col}) to leave the Problems panel`,
      (r) => !r.some(same), 15_000).catch((e) => log(`WARNING: ${e.message} (continuing with another uncited-claim)`));
    const rows = (await filteredProblems('uncited-claim', 'a second uncited-claim row in the Problems panel',
      (r) => r.some((x) => !same(x)), 15_000)).filter((x) => !same(x));
    const target = rows[0];
    log(`uncited-claim at Ln ${target.line}, Col ${target.col}: ${target.text.slice(0, 120)}`);
    let titles = [];
    await waitFor('the first "Cite" code action to be the pandoc one ("[@") after the setting change', async () => {
      await page.keyboard.press('Escape');
      await goTo(target.line, target.col);
      titles = await codeActionTitles();
      const first = titles.find((t) => t.startsWith('Cite'));
      if (first?.includes('[@')) return true;
      await page.keyboard.press('Escape');
      return false;
    }, 30_000, 250).catch((e) => fail(`${e.message}; offered: ${JSON.stringify(titles)}`));
    const title = titles.find((t) => t.startsWith('Cite'));
    log(`code actions: ${titles.map((t) => `"${t}"`).join(', ')}`);
    await shot('04-cite-pandoc-menu.png');
    await applyAction(title);
    const text = await saveAndRead(draft, (t) => (t.match(/\[@/g) || []).length > beforeCount, 'a new pandoc citation "[@"');
    log(`pandoc citation applied: ${(text.match(/\[@[^\]]*\]/) || ['?'])[0]}`);
    await shot('04-cite-pandoc.png');
  });

  await step('source library: hover on a quote shows the document\'s passage and page', async () => {
    await openFile(LIBRARY_DRAFT);
    const card = await hoverCard(1, 12, 'identification', (c) => c.filter({ hasText: 'p. 2' }),
      'a hover card with the passage of the PDF that holds the quote, and its page');
    const text = norm(await card.innerText());
    await fsp.writeFile(path.join(ARTIFACTS, '05-library-hover.txt'), await card.innerText());
    log(`library hover: ${text.slice(0, 300)}`);
    if (!text.includes('Transnational Criminal Investigative Unit')) fail(`the hover does not show the document's passage around the quote: "${text.slice(0, 400)}"`);
    await shot('05-library-hover.png');
  });
}

// ---------------------------------------------------------------- entry
let timer;
const timeout = new Promise((_, reject) => {
  timer = setTimeout(() => reject(new E2EError(`overall timeout of ${secs(TOTAL_TIMEOUT)} exceeded`)), TOTAL_TIMEOUT);
});

let exitCode = 0;
try {
  await Promise.race([main(), timeout, interrupted]);
} catch (err) {
  stopped = true;
  exitCode = 1;
  console.error(`\n✘ e2e FAILED in step "${currentStep}": ${err instanceof E2EError ? err.message : err.stack || err}`);
  if (page) {
    const file = `failure-${currentStep.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.png`;
    await shot(file);
    console.error(`  screenshot: ${path.relative(ROOT, path.join(ARTIFACTS, file))}`);
  }
  if (csLog && fs.existsSync(csLog)) console.error(`  code-server log (tail):\n${tail(fs.readFileSync(csLog, 'utf8'), 15).replace(/^/gm, '    ')}`);
  if (userData) {
    const logs = fs.existsSync(path.join(userData, 'logs')) ? fs.readdirSync(path.join(userData, 'logs'), { recursive: true })
      .map(String).filter((f) => /exthost.*\.log$|remoteagent\.log$/i.test(f)) : [];
    for (const f of logs) {
      const lines = fs.readFileSync(path.join(userData, 'logs', f), 'utf8').split('\n').filter((l) => /error|warn|claim/i.test(l));
      if (lines.length) console.error(`  ${f} (errors/warnings, tail):\n${lines.slice(-15).join('\n').replace(/^/gm, '    ')}`);
    }
  }
} finally {
  clearTimeout(timer);
  const t = performance.now();
  await cleanup();
  timings.push({ step: 'cleanup (kill process groups, remove temp)', ms: Math.round(performance.now() - t) });
}

const total = performance.now() - T0;
console.log('\nstep timings:');
for (const { step: s, ms } of timings) console.log(`  ${secs(ms).padStart(9)}  ${s}`);
console.log(`  ${secs(total).padStart(9)}  TOTAL (${exitCode ? 'FAILED' : 'passed'})`);
await fsp.writeFile(path.join(ARTIFACTS, 'timings.json'), JSON.stringify({ ok: !exitCode, totalMs: Math.round(total), steps: timings }, null, 2)).catch(() => {});
process.exit(signalled ? 130 : exitCode);
