// Starts the real minutebook-desktop binary over WebDriver:
//   node test → tauri-driver (--port) → WebKitWebDriver (--native-port) → the app.
// One tauri-driver per app session, on a free port pair; stopped with SIGTERM so it also stops
// its WebKitWebDriver (SIGKILL would orphan it: measured pitfall 5).
//
// Getting past native file dialogs (later tests): build the app with `--features e2e` and pass
// `env: { MINUTEBOOK_E2E_OPEN_PATH, MINUTEBOOK_E2E_SAVE_PATH }` to startApp(); the variables
// reach the app through tauri-driver and WebKitWebDriver. See src-tauri/src/dialogs.rs.
//
// Do not set WEBKIT_DISABLE_* variables: they make WebDriver screenshots hang (pitfall 4).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root. */
export const repoRoot = resolve(here, '..', '..');
/** The app under test: `MINUTEBOOK_APP` or the debug build. */
export const appBinary = process.env.MINUTEBOOK_APP ?? join(repoRoot, 'target', 'debug', 'minutebook-desktop');
/** Where screenshots go (gitignored). */
export const screenshotDir = join(here, 'screenshots');

/** A TCP port nobody listens on right now. */
async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

async function canConnect(port) {
  return new Promise((resolveConn) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveConn(true);
    });
    socket.once('error', () => resolveConn(false));
  });
}

/** Starts tauri-driver on a free port pair and waits until it listens. */
async function startDriver(env) {
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  // Its own process group (detached), so that stopDriver can, as a last resort, kill
  // tauri-driver together with the WebKitWebDriver and app it started.
  const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 20_000;
  // Wait for both tauri-driver and the WebKitWebDriver it spawns: on a busy machine the native
  // driver can bind later than tauri-driver, and a session request in between is refused.
  for (const p of [port, nativePort]) {
    while (!(await canConnect(p))) {
      // tauri-driver exits 0 when its port is taken (pitfall 6): treat any early exit as failure.
      if (exited) throw new Error(`tauri-driver exited before port ${p} listened:\n${log}`);
      if (Date.now() > deadline) {
        await stopDriver(child);
        throw new Error(`port ${p} (tauri-driver ${port}, native ${nativePort}) not listening within 20 s:\n${log}`);
      }
      await sleep(50);
    }
  }
  return { child, port, log: () => log };
}

async function stopDriver(child) {
  const group = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
    if (timedOut) child.kill('SIGKILL');
  }
  // tauri-driver stops its WebKitWebDriver on SIGTERM; if it was slow (a loaded machine) or
  // killed, an orphaned WebKitWebDriver would keep this file's output pipe open and the test
  // runner waiting for ever (measured once: a run killed by its 900 s timeout after every test
  // had passed). Whatever is left of the group goes now.
  group('SIGKILL');
}

/**
 * Starts the app with a fresh, empty data folder and a WebDriver session on it.
 * @param {{ env?: Record<string, string> }} [options] extra environment for the app
 */
export async function startApp(options = {}) {
  if (!existsSync(appBinary)) {
    throw new Error(`${appBinary} is missing: run cargo build -p minutebook-desktop --features e2e`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'minutebook-e2e-'));
  // WebKit keeps the web view's localStorage (the chosen language, among others) under
  // $XDG_DATA_HOME/vn.minutebook.app. Left at the user's home, one test's switch to English
  // leaked into every later run on the same machine (measured: a CI run whose app opened in
  // English because a local run had ended in English). Each session gets its own.
  const webHome = mkdtempSync(join(tmpdir(), 'minutebook-e2e-web-'));
  const env = { ...process.env, XDG_DATA_HOME: webHome, MINUTEBOOK_DATA_DIR: dataDir, ...options.env };
  const driver = await startDriver(env);
  let browser;
  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port: driver.port,
      logLevel: 'warn',
      connectionRetryCount: 0,
      capabilities: { 'tauri:options': { application: appBinary, args: [] } },
    });
  } catch (error) {
    await stopDriver(driver.child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webHome, { recursive: true, force: true });
    throw new Error(`WebDriver session failed: ${error}\n${driver.log()}`);
  }

  return {
    browser,
    dataDir,
    /** Saves tests/e2e/screenshots/<name>.png after two painted frames (pitfall 8). */
    async screenshot(name) {
      mkdirSync(screenshotDir, { recursive: true });
      await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))));
      const path = join(screenshotDir, `${name}.png`);
      await browser.saveScreenshot(path);
      return path;
    },
    /** Ends the session, stops tauri-driver (SIGTERM) and removes the data folder. */
    async stop() {
      await browser.deleteSession().catch(() => {});
      await stopDriver(driver.child);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(webHome, { recursive: true, force: true });
    },
  };
}
