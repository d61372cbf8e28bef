// Smoke test: the real app opens on first-run setup, shows its navigation in Vietnamese, switches to English and
// back (and remembers the choice across a reload), reads its data folder over IPC.
// Run: xvfb-run -a node --test --test-concurrency=1   (scripts/test-desktop does this)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startApp } from './harness.mjs';

const NAV = {
  vi: ['Cuộc họp', 'Danh sách đảng viên', 'Xác minh', 'Cài đặt'],
  en: ['Meetings', 'Roster', 'Verify', 'Settings'],
};
const NAV_IDS = ['nav-meetings', 'nav-roster', 'nav-verify', 'nav-settings'];

const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

async function navTexts(browser) {
  const texts = [];
  for (const id of NAV_IDS) texts.push(await byTestId(browser, id).getText());
  return texts;
}

async function waitForText(browser, id, expected) {
  await browser.waitUntil(async () => (await byTestId(browser, id).getText()) === expected, {
    timeout: 5_000,
    timeoutMsg: `${id} never showed "${expected}"`,
  });
}

test('app opens in Vietnamese, switches to English and back', async (t) => {
  const app = await startApp();
  t.after(() => app.stop());
  const { browser } = app;

  await byTestId(browser, 'nav').waitForDisplayed({ timeout: 10_000 });
  assert.match(await browser.getTitle(), / — Minutebook$/);
  assert.deepEqual(await navTexts(browser), NAV.vi);
  assert.equal(await browser.execute(() => document.documentElement.lang), 'vi');
  // A fresh data folder has no cell yet: the app opens on the first-run setup screen.
  await waitForText(browser, 'page-title', 'Thiết lập chi bộ');
  assert.equal(await byTestId(browser, 'setup-cellName').isDisplayed(), true);
  assert.equal(await byTestId(browser, 'nav-meetings').getAttribute('aria-current'), null);
  await app.screenshot('01-first-run-vi');

  // Settings: the data folder comes from Rust (app_info) and honours MINUTEBOOK_DATA_DIR.
  await byTestId(browser, 'nav-settings').click();
  await waitForText(browser, 'data-dir', app.dataDir);
  assert.equal(await byTestId(browser, 'nav-settings').getAttribute('aria-current'), 'page');
  await app.screenshot('02-settings-vi');

  await byTestId(browser, 'locale-en').click();
  await waitForText(browser, 'nav-meetings', 'Meetings');
  assert.deepEqual(await navTexts(browser), NAV.en);
  assert.equal(await browser.execute(() => document.documentElement.lang), 'en');
  await app.screenshot('03-settings-en');

  // The choice survives a reload (localStorage).
  await browser.refresh();
  await byTestId(browser, 'nav').waitForDisplayed({ timeout: 10_000 });
  assert.deepEqual(await navTexts(browser), NAV.en);

  // First run (no cell yet): the meetings screen leads to the setup form. In English, an
  // empty submit shows errors and nothing is saved.
  await byTestId(browser, 'nav-meetings').click();
  await byTestId(browser, 'setup-submit').waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, 'setup-submit').click();
  await waitForText(browser, 'setup-cellName-error', 'This field is required.');
  assert.equal(await byTestId(browser, 'setup-not-saved').isExisting(), false);
  await app.screenshot('04-setup-errors-en');

  await byTestId(browser, 'nav-settings').click();
  await byTestId(browser, 'locale-vi').click();
  await waitForText(browser, 'nav-meetings', 'Cuộc họp');
  assert.deepEqual(await navTexts(browser), NAV.vi);

  // The setup form in Vietnamese, filled in (creating the cell is covered by meeting.test.mjs).
  await byTestId(browser, 'nav-meetings').click();
  await byTestId(browser, 'setup-cellName').waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, 'setup-cellName').setValue('Chi bộ Tổ dân phố số 7');
  assert.equal(await byTestId(browser, 'setup-cellName').getValue(), 'Chi bộ Tổ dân phố số 7');
  await app.screenshot('05-setup-vi');
});

test('fits a 1366x768 laptop screen without horizontal scrolling', async (t) => {
  const app = await startApp();
  t.after(() => app.stop());
  const { browser } = app;
  await byTestId(browser, 'nav').waitForDisplayed({ timeout: 10_000 });
  await browser.setWindowSize(1366, 768);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === 1366, {
    timeout: 5_000,
    timeoutMsg: 'window did not resize to 1366 px',
  });
  const overflow = () =>
    browser.execute(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // First run: the setup screen fits, then the cell is created so that every screen can open.
  await byTestId(browser, 'setup-cellName').waitForDisplayed({ timeout: 10_000 });
  assert.equal(await overflow(), 0, 'setup: page scrolls horizontally');
  await byTestId(browser, 'setup-cellName').setValue('Chi bộ Tổ dân phố số 7');
  await byTestId(browser, 'setup-committeeAbove').setValue('Đảng bộ phường Thanh Bình');
  await byTestId(browser, 'setup-datePlace').setValue('Hà Nội');
  await byTestId(browser, 'setup-submit').click();
  await byTestId(browser, 'import-roster').waitForDisplayed({ timeout: 10_000 });
  for (const id of ['nav-meetings', 'nav-roster', 'nav-verify', 'nav-settings']) {
    await byTestId(browser, id).click();
    await browser.waitUntil(async () => (await byTestId(browser, id).getAttribute('aria-current')) === 'page', {
      timeout: 5_000,
      timeoutMsg: `${id} never became the current page`,
    });
    const px = await overflow();
    assert.equal(px, 0, `${id}: page scrolls horizontally by ${px} px`);
  }
  await app.screenshot('06-settings-1366x768-vi');

  // Keyboard: Tab reaches the skip link, then the navigation, with a visible focus ring.
  await browser.execute(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await browser.keys('Tab');
  assert.equal(await browser.execute(() => document.activeElement?.className.split(' ')[0]), 'skip');
  await browser.keys('Tab');
  assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-testid')), 'nav-meetings');
  await app.screenshot('07-keyboard-focus-vi');
});

test('a failed daily backup is reported on opening, and the book still works', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'minutebook-e2e-backup-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // First day: create the cell (a new book has nothing to back up yet).
  let app = await startApp({ env: { MINUTEBOOK_DATA_DIR: dir } });
  await byTestId(app.browser, 'setup-cellName').waitForDisplayed({ timeout: 10_000 });
  await byTestId(app.browser, 'setup-cellName').setValue('Chi bộ Tổ dân phố số 7');
  await byTestId(app.browser, 'setup-committeeAbove').setValue('Đảng bộ phường Thanh Bình');
  await byTestId(app.browser, 'setup-datePlace').setValue('Hà Nội');
  await byTestId(app.browser, 'setup-submit').click();
  await byTestId(app.browser, 'import-roster').waitForDisplayed({ timeout: 10_000 });
  await app.stop();
  // Something occupies the backups folder's name: the next opening cannot back up.
  writeFileSync(join(dir, 'backups'), 'not a folder');
  app = await startApp({ env: { MINUTEBOOK_DATA_DIR: dir } });
  t.after(() => app.stop());
  const banner = byTestId(app.browser, 'backup-banner');
  await banner.waitForDisplayed({ timeout: 10_000 });
  assert.match(await banner.getText(), /^Hôm nay chưa sao lưu tự động được \(sổ biên bản vẫn dùng bình thường, không mất gì\): /);
  await app.screenshot('08-backup-failed-vi');
  // The book itself opened: the meetings screen works.
  await byTestId(app.browser, 'new-meeting').waitForDisplayed({ timeout: 10_000 });
});
