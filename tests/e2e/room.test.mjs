// The meeting room through three real windows (issue 12): the secretary's app and two members'
// apps, each with its own data folder, talking over this machine's network — the March 2026
// case (../shared/cases/meeting-2026-03.md, examples/meeting-2026-03.json): the members make
// their keys in their own windows and the secretary pins them, join by the code the
// secretary's window shows, check in (Long after the meeting started: late), Mai asks to speak,
// both vote in the show-of-hands vote and by secret ballot in the admission, the secretary
// closes, both members read the minutes and sign from their own windows, the chair and the
// minute-taker sign on the secretary's laptop, the PDF is exported and verified.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, startApp } from './harness.mjs';

const PASS = 'mat-khau-thu-nghiem-2026';
const MEMBER_PASS = 'khoa-cua-dang-vien-2026';
const cli = join(repoRoot, 'target', 'debug', 'minutebook');

const $id = (b, id) => b.$(`[data-testid="${id}"]`);

async function waitText(b, id, pred, what, timeout = 15_000) {
  await b.waitUntil(
    async () => {
      const el = $id(b, id);
      return (await el.isExisting()) && pred(await el.getText());
    },
    { timeout, timeoutMsg: `${id}: never ${what}` },
  );
  return $id(b, id).getText();
}

async function waitAttr(b, id, attr, pred, what, timeout = 15_000) {
  await b.waitUntil(
    async () => {
      const el = $id(b, id);
      return (await el.isExisting()) && pred(await el.getAttribute(attr));
    },
    { timeout, timeoutMsg: `${id}[${attr}]: never ${what}` },
  );
}

async function clickWhenEnabled(b, id) {
  const el = $id(b, id);
  await el.waitForEnabled({ timeout: 15_000 });
  await el.scrollIntoView();
  await el.click();
}

/** A member's first run: "I am a member", make the key, save the public key for the secretary. */
async function memberMakesKey(app, name) {
  const b = app.browser;
  await b.setWindowSize(1366, 768);
  await $id(b, 'member-key-pass1').waitForDisplayed({ timeout: 20_000 }).catch(async () => {
    await $id(b, 'setup-member').waitForDisplayed({ timeout: 10_000 });
    await $id(b, 'setup-member').click();
  });
  await $id(b, 'member-key-pass1').waitForDisplayed({ timeout: 10_000 });
  await $id(b, 'member-key-pass1').setValue(MEMBER_PASS);
  await $id(b, 'member-key-pass2').setValue(MEMBER_PASS);
  await $id(b, 'member-key-make').click();
  await waitAttr(b, 'member-key-fingerprint', 'data-fingerprint', (f) => /^[0-9a-f]{4}( [0-9a-f]{4}){15}$/.test(f ?? ''), 'showed the key');
  await clickWhenEnabled(b, 'member-key-export');
  await app.screenshot(`70-room-member-key-${name}`);
}

/** Whether this machine has an interface up that carries multicast (mDNS), besides loopback. */
function multicastInterface() {
  try {
    return readdirSync('/sys/class/net').some((name) => {
      const flags = parseInt(readFileSync(`/sys/class/net/${name}/flags`, 'utf8').trim(), 16);
      return (flags & 0x1) !== 0 && (flags & 0x1000) !== 0 && (flags & 0x8) === 0;
    });
  } catch {
    return false;
  }
}

async function memberJoins(app, code, fingerprint, { discover = false } = {}) {
  const b = app.browser;
  if (discover) {
    // The room is found on the network (mDNS); picking it asks for the fingerprint.
    await clickWhenEnabled(b, 'member-discover');
    await b.waitUntil(
      async () => (await $id(b, 'member-found-0').isExisting()) || (await $id(b, 'member-discover-none').isExisting()),
      { timeout: 15_000, timeoutMsg: 'the search for rooms never ended' },
    );
    const found = await b.execute(() =>
      [...document.querySelectorAll('[data-testid^="member-found-"]')].map((e) => e.textContent ?? ''),
    );
    const i = found.findIndex((x) => x.includes(code));
    assert.ok(i >= 0, `the room ${code} was not heard: ${JSON.stringify(found)}`);
    await $id(b, `member-found-${i}`).click();
    // Picking a room moves the focus to the fingerprint field (on the next frame): type only
    // once it is there, or the keys land in the field that takes the focus.
    await b.waitUntil(
      async () => (await b.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'member-join-fingerprint',
      { timeout: 5_000, timeoutMsg: 'picking the room did not move to the fingerprint' },
    );
    assert.equal(await $id(b, 'member-join-code').getValue(), code);
    await $id(b, 'member-join-passphrase').setValue(MEMBER_PASS);
    await clickWhenEnabled(b, 'member-join');
    await waitText(b, 'member-join-error', (x) => x.includes('vân tay'), 'asked for the fingerprint').catch(async (e) => {
      await app.screenshot('72x-discover-failed');
      throw e;
    });
    await app.screenshot('72a-room-member-discovered-vi');
    await $id(b, 'member-join-fingerprint').setValue(fingerprint);
    await $id(b, 'member-join-passphrase').setValue(MEMBER_PASS);
    await clickWhenEnabled(b, 'member-join');
    await $id(b, 'member-check-in').waitForDisplayed({ timeout: 20_000 });
    return;
  }
  await $id(b, 'member-join-code').setValue(code);
  await $id(b, 'member-join-fingerprint').setValue(fingerprint);
  await $id(b, 'member-join-passphrase').setValue(MEMBER_PASS);
  await clickWhenEnabled(b, 'member-join');
  await $id(b, 'member-check-in').waitForDisplayed({ timeout: 20_000 });
}

test('the March 2026 meeting in the room: the secretary and two members, each in their own window', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'minutebook-e2e-room-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const secretaryDir = join(work, 'secretary');
  mkdirSync(secretaryDir);
  const db = join(secretaryDir, 'minutebook.db');
  const pass = join(work, 'pass.txt');
  writeFileSync(pass, `${PASS}\n`);
  const run = (...args) => execFileSync(cli, ['--db', db, ...args]).toString();
  const id = run('meeting', 'import', join(repoRoot, 'examples', 'meeting-2026-03.json')).trim().split('\n').pop().trim();
  run('key', 'new', '--member', 'Nguyễn Văn Hùng', '--passphrase-file', pass);
  run('key', 'new', '--member', 'Phạm Thu Hà', '--passphrase-file', pass);

  // Two members' laptops: each makes its key and saves the public half for the secretary.
  const maiPub = join(work, 'mai.pub.pem');
  const longPub = join(work, 'long.pub.pem');
  const maiOpened = join(work, 'mai-opened.log');
  const longOpened = join(work, 'long-opened.log');
  const mai = await startApp({ env: { MINUTEBOOK_E2E_SAVE_PATH: maiPub, MINUTEBOOK_E2E_OPENED_LOG: maiOpened } });
  t.after(() => mai.stop());
  const long = await startApp({ env: { MINUTEBOOK_E2E_SAVE_PATH: longPub, MINUTEBOOK_E2E_OPENED_LOG: longOpened } });
  t.after(() => long.stop());
  await memberMakesKey(mai, 'mai');
  await memberMakesKey(long, 'long');
  await mai.browser.waitUntil(() => existsSync(maiPub) && existsSync(longPub), {
    timeout: 10_000,
    timeoutMsg: 'the members never saved their public keys',
  });

  // The secretary pins Mai's key on the roster screen; Long's came by the command line.
  run('key', 'pin', '--member', 'Đặng Văn Long', longPub);
  const pdf = join(work, 'bien-ban-phong-hop.pdf');
  const secretaryEnv = { MINUTEBOOK_DATA_DIR: secretaryDir, MINUTEBOOK_E2E_OPEN_PATH: maiPub, MINUTEBOOK_E2E_SAVE_PATH: pdf };
  let sec = await startApp({ env: secretaryEnv });
  t.after(() => sec.stop());
  let s = sec.browser;
  await s.setWindowSize(1366, 900);
  await $id(s, 'nav-roster').waitForDisplayed({ timeout: 20_000 });
  await $id(s, 'nav-roster').click();
  const pinButtonOf = (name) =>
    s.execute((who) => {
      const rows = [...document.querySelectorAll('[data-testid^="pin-key-"]')];
      const row = rows.find((b) => (b.getAttribute('aria-label') ?? '').includes(who));
      return row?.getAttribute('data-testid') ?? null;
    }, name);
  await s.waitUntil(async () => (await pinButtonOf('Đỗ Thị Mai')) !== null, {
    timeout: 15_000,
    timeoutMsg: 'no pin button for Đỗ Thị Mai',
  });
  const maiRow = await pinButtonOf('Đỗ Thị Mai');
  await sec.screenshot('70c-room-roster-pin-vi');
  await clickWhenEnabled(s, maiRow);
  await waitText(s, 'pin-key-message', (x) => x.includes('Đỗ Thị Mai'), 'confirmed the pinned key');

  // The secretary opens the room of the meeting with the chair's key.
  const openRoom = async () => {
    await $id(s, 'nav-meetings').click();
    await $id(s, `meeting-${id}`).waitForDisplayed({ timeout: 10_000 });
    await $id(s, `meeting-${id}`).click();
    await clickWhenEnabled(s, 'room-open-toggle');
    await $id(s, 'room-host').selectByVisibleText('Nguyễn Văn Hùng');
    await $id(s, 'room-passphrase').setValue(PASS);
    await $id(s, 'room-open-submit').click();
    await waitAttr(s, 'room-panel', 'data-state', (x) => x === 'open', 'opened', 30_000);
    return (await $id(s, 'room-code').getText()).trim();
  };
  const code = await openRoom();
  assert.match(code, /^[0-9a-f.:[\]]+:\d+\/[0-9A-F]{4}(-[0-9A-F]{4}){4}$/i);
  const fingerprint = await $id(s, 'room-fingerprint').getAttribute('data-fingerprint');
  await $id(s, 'room-panel').scrollIntoView();
  await sec.screenshot('71-room-open-secretary-vi');

  // Mai joins before the meeting starts, checks in (on time) and asks to speak.
  await memberJoins(mai, code, fingerprint);
  await clickWhenEnabled(mai.browser, 'member-check-in');
  await waitText(mai.browser, 'member-live', (x) => x.includes('điểm danh'), 'confirmed the check-in');
  await clickWhenEnabled(mai.browser, 'member-speak');
  await waitText(mai.browser, 'member-live', (x) => x.includes('1'), 'gave the place in the queue');

  // The meeting starts (at 00:00, so that Long, who was absent, arrives late).
  await $id(s, 'room-start-at').setValue('00:00');
  await clickWhenEnabled(s, 'room-start');
  await waitText(s, 'room-answer', (x) => x.includes('00:00'), 'confirmed the start');
  await memberJoins(long, code, fingerprint, { discover: multicastInterface() });
  await clickWhenEnabled(long.browser, 'member-check-in');
  await waitText(long.browser, 'member-live', (x) => /muộn/i.test(x), 'said the arrival is late');
  await long.screenshot('72-room-member-late-vi');

  // The secretary sees both, Long late with his time, and Mai first in the queue.
  await s.waitUntil(
    async () => (await s.execute(() => document.querySelector('[data-testid="room-panel"]')?.textContent ?? '')).includes('Đặng Văn Long'),
    { timeout: 10_000, timeoutMsg: 'Long never appeared present' },
  );
  await waitText(s, 'room-queue-0', (x) => x.includes('Đỗ Thị Mai'), 'queued Mai');
  await clickWhenEnabled(s, 'room-next');
  await waitText(s, 'room-answer', (x) => x.includes('Đỗ Thị Mai'), 'gave Mai the floor');

  // Vote 1, by show of hands: both by name from their laptops, six hands counted in the room.
  await clickWhenEnabled(s, 'room-open-vote-0');
  await clickWhenEnabled(mai.browser, 'member-vote-yes');
  await clickWhenEnabled(long.browser, 'member-vote-yes');
  await waitAttr(s, 'room-vote-cast', 'data-cast', (x) => x === '2', 'counted two votes');
  await mai.screenshot('73-room-member-vote-vi');
  await $id(s, 'room-hands-yes').setValue('6');
  await $id(s, 'room-hands-no').setValue('0');
  await $id(s, 'room-hands-abstain').setValue('0');
  await clickWhenEnabled(s, 'room-close-vote');
  await waitAttr(s, 'room-result-0', 'data-passed', (x) => x === 'true', 'showed vote 1 passed');
  assert.match(await $id(s, 'room-result-0').getText(), /8/);

  // The secretary's app is closed and started again: the room resumes on the same code, with
  // everything acknowledged, and the members' laptops join again by themselves.
  await sec.stop();
  sec = await startApp({ env: secretaryEnv });
  s = sec.browser;
  await s.setWindowSize(1366, 900);
  await $id(s, 'nav-meetings').waitForDisplayed({ timeout: 20_000 });
  assert.equal(await openRoom(), code);
  await $id(s, 'room-resumed').waitForDisplayed({ timeout: 10_000 });
  await waitAttr(s, 'room-result-0', 'data-passed', (x) => x === 'true', 'kept vote 1');
  for (const app of [mai, long]) {
    await waitAttr(app.browser, 'member-connection', 'data-connected', (x) => x === 'true', 'joined again', 30_000);
  }

  // Vote 2, the admission, by secret ballot: Mai for, Long against.
  await clickWhenEnabled(s, 'room-open-vote-1');
  await clickWhenEnabled(mai.browser, 'member-vote-yes');
  await clickWhenEnabled(long.browser, 'member-vote-no');
  await waitAttr(s, 'room-vote-cast', 'data-cast', (x) => x === '2', 'counted two ballots');
  await long.screenshot('74-room-member-ballot-vi');
  await $id(s, 'room-hands-yes').setValue('6');
  await $id(s, 'room-hands-no').setValue('0');
  await $id(s, 'room-hands-abstain').setValue('0');
  await clickWhenEnabled(s, 'room-close-vote');
  await waitAttr(s, 'room-result-1', 'data-passed', (x) => x === 'true', 'showed vote 2 passed');
  const second = await $id(s, 'room-result-1').getText();
  assert.match(second, /7/);
  assert.match(second, /1/);
  // The members see the results the moment voting closes.
  await waitText(mai.browser, 'member-live', () => true, 'is there');
  await s.execute(() => document.querySelector('[data-testid="room-panel"]')?.scrollIntoView());
  await sec.screenshot('75-room-results-secretary-vi');

  // The secretary closes the meeting in the workspace.
  await clickWhenEnabled(s, 'close-meeting');
  await $id(s, 'close-confirm').waitForDisplayed({ timeout: 15_000 });
  await $id(s, 'close-confirm').click();
  await $id(s, 'sign-panel').waitForDisplayed({ timeout: 20_000 });

  // Each member reads the minutes (the PDF the app renders, marked DỰ THẢO) and signs.
  for (const [app, log, name] of [[mai, maiOpened, 'mai'], [long, longOpened, 'long']]) {
    const b = app.browser;
    await clickWhenEnabled(b, 'member-read');
    await b.waitUntil(() => existsSync(log) && readFileSync(log, 'utf8').includes('.pdf'), {
      timeout: 30_000,
      timeoutMsg: `${name}: the minutes never opened`,
    });
    const read = readFileSync(log, 'utf8').trim().split('\n').pop();
    const text = execFileSync('pdftotext', [read, '-'], { encoding: 'utf8' });
    assert.match(text, /BIÊN BẢN/);
    assert.match(text, /DỰ THẢO/);
    await $id(b, 'member-sign-role').selectByAttribute('value', 'member');
    await clickWhenEnabled(b, 'member-sign');
    await $id(b, 'member-signed').waitForDisplayed({ timeout: 30_000 });
    await app.screenshot(`76-room-member-signed-${name}-vi`);
  }

  // The chair and the minute-taker sign on the secretary's laptop.
  for (const [role, name] of [['chair', 'Nguyễn Văn Hùng'], ['minute-taker', 'Phạm Thu Hà']]) {
    await $id(s, 'sign-role').selectByAttribute('value', role);
    await $id(s, 'sign-member').selectByVisibleText(name);
    await $id(s, 'sign-passphrase').setValue(PASS);
    await $id(s, 'sign-submit').click();
    await waitText(s, 'sign-message', (x) => x.includes(name), `confirmed the signature of ${name}`).catch(async (e) => {
      await sec.screenshot(`77x-room-sign-failed-${role}`);
      throw e;
    });
  }
  await waitText(s, 'record-status', (x) => x.includes('Đã ký'), 'showed Đã ký');
  await $id(s, 'room-signed-3').waitForExist({ timeout: 15_000 });
  await sec.screenshot('77-room-signed-secretary-vi');

  // The PDF is exported and verifies; the book checks.
  await clickWhenEnabled(s, 'export-minutes');
  await s.waitUntil(() => existsSync(pdf), { timeout: 30_000, timeoutMsg: 'no minutes PDF' });
  await clickWhenEnabled(s, 'room-end');
  await clickWhenEnabled(s, 'room-end-confirm');
  await waitAttr(s, 'room-panel', 'data-state', (x) => x !== 'open', 'ended the room').catch(() => {});
  const verified = execFileSync(cli, ['--lang', 'en', '--db', db, 'verify', pdf], { encoding: 'utf8' });
  assert.match(verified, /valid/i);
  const signers = execFileSync(cli, ['--lang', 'en', '--db', db, 'report', id, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(signers);
  assert.equal(report.status, 'signed');
  assert.deepEqual(
    [report.votes[0].yes, report.votes[0].no, report.votes[1].yes, report.votes[1].no],
    [8, 0, 7, 1],
  );
  // Mai leaves the room: her laptop lists what she signed, checked again.
  await clickWhenEnabled(mai.browser, 'member-leave');
  await waitAttr(mai.browser, 'member-record-0', 'data-valid', (x) => x === 'true', 'listed the signed record as valid');
  assert.match(await $id(mai.browser, 'member-record-0').getText(), /05\/03\/2026/);
  await $id(mai.browser, 'member-records').scrollIntoView();
  await mai.screenshot('78-room-member-records-vi');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  for (const name of ['Đỗ Thị Mai', 'Đặng Văn Long', 'Nguyễn Văn Hùng', 'Phạm Thu Hà']) {
    assert.ok(text.includes(name), `${name} not in the PDF`);
  }
  execFileSync(cli, ['--db', db, 'check']);
});
