import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Page from './+page.svelte';
import { memberView } from '$lib/room/fixtures';

afterEach(() => clearMocks());

const KEY = { fingerprint: 'CD34 '.repeat(16).trim(), public_pem: '-----BEGIN PUBLIC KEY-----' };
const SHA = 'ab12'.repeat(16);

const roomView = memberView;

describe('member page', () => {
  it('makes a key only with a passphrase long enough and typed the same twice', async () => {
    const made: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'member_records') return [];
      if (cmd === 'member_key_get' || cmd === 'member_view' || cmd === 'get_cell') return null;
      if (cmd === 'member_key_make') {
        made.push(args);
        return KEY;
      }
    });
    render(Page);
    const pass1 = await screen.findByTestId('member-key-pass1');
    await fireEvent.input(pass1, { target: { value: 'ngắn' } });
    await fireEvent.click(screen.getByTestId('member-key-make'));
    expect(screen.getByTestId('member-key-error').textContent).toContain('8');
    await fireEvent.input(pass1, { target: { value: 'mật khẩu dài' } });
    await fireEvent.input(screen.getByTestId('member-key-pass2'), { target: { value: 'mật khẩu dai' } });
    await fireEvent.click(screen.getByTestId('member-key-make'));
    expect(screen.getByTestId('member-key-error').textContent).toContain('không khớp');
    expect(document.activeElement?.id).toBe('member-key-pass2');
    await fireEvent.input(screen.getByTestId('member-key-pass2'), { target: { value: 'mật khẩu dài' } });
    await fireEvent.click(screen.getByTestId('member-key-make'));
    await vi.waitFor(() => expect(screen.getByTestId('member-key-fingerprint').dataset.fingerprint).toBe(KEY.fingerprint));
    expect(made).toEqual([{ passphrase: 'mật khẩu dài' }]);
    expect(screen.getByTestId('member-join-code')).toBeTruthy();
    expect(screen.getByTestId('member-to-setup')).toBeTruthy();
  });

  it('joins with the code, the optional fingerprint and the passphrase', async () => {
    const joins: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'member_records') return [];
      if (cmd === 'member_key_get') return KEY;
      if (cmd === 'member_view' || cmd === 'get_cell') return null;
      if (cmd === 'member_join') {
        joins.push(args);
        return roomView();
      }
    });
    render(Page);
    const code = await screen.findByTestId('member-join-code');
    await fireEvent.input(screen.getByTestId('member-join-passphrase'), { target: { value: 'mật khẩu dài' } });
    await fireEvent.click(screen.getByTestId('member-join'));
    expect(screen.getByTestId('member-join-error').textContent).toContain('mã tham gia');
    await fireEvent.input(code, { target: { value: ' 192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12 ' } });
    await fireEvent.input(screen.getByTestId('member-join-passphrase'), { target: { value: 'mật khẩu dài' } });
    await fireEvent.click(screen.getByTestId('member-join'));
    await vi.waitFor(() => expect(screen.getByTestId('member-subject').textContent).toBe('Sinh hoạt chi bộ tháng 3'));
    expect(joins).toEqual([{ code: '192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12', passphrase: 'mật khẩu dài', fingerprint: null }]);
    expect(screen.getByTestId('member-date').textContent).toBe('05/03/2026');
    expect(screen.getByTestId('member-agenda-1').getAttribute('aria-current')).toBe('step');
  });

  it('votes in the open vote, says a secret ballot is not named, and disables the buttons once voted', async () => {
    let view = roomView({ checked_in: true }, { open_vote: { index: 1, subject: 'Kết nạp', method: 'secret-ballot', cast: 0 } });
    const votes: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'member_records') return [];
      if (cmd === 'member_key_get') return KEY;
      if (cmd === 'member_view') return view;
      if (cmd === 'get_cell') return null;
      if (cmd === 'member_vote') {
        votes.push(args);
        view = { ...view, voted: [1], answer: 'Đã bỏ phiếu. Phiếu kín không ghi tên người bỏ.' };
      }
    });
    render(Page);
    const yes = (await screen.findByTestId('member-vote-yes')) as HTMLButtonElement;
    expect((screen.getByTestId('member-check-in') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('member-vote-note').textContent).toContain('không được ghi kèm tên');
    expect(yes.disabled).toBe(false);
    await fireEvent.click(yes);
    await vi.waitFor(() => expect(screen.getByTestId('member-live').textContent).toContain('Đã bỏ phiếu'));
    expect(votes).toEqual([{ vote: 1, choice: 'yes' }]);
    for (const c of ['yes', 'no', 'abstain']) {
      expect((screen.getByTestId(`member-vote-${c}`) as HTMLButtonElement).disabled).toBe(true);
    }
  });

  it('reads the closed minutes, opens them once written, and signs in the role chosen', async () => {
    let view = roomView({}, { record_sha256: SHA });
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'member_records') return [];
      calls.push({ cmd, args });
      if (cmd === 'member_key_get') return KEY;
      if (cmd === 'member_view') return view;
      if (cmd === 'get_cell') return null;
      if (cmd === 'member_read') view = { ...view, minutes_pdf: '/tmp/bien-ban-de-doc.pdf', answer: '' };
      if (cmd === 'member_sign') view = { ...view, signed_record: SHA, answer: 'Đã ký biên bản' };
    });
    render(Page);
    await fireEvent.click(await screen.findByTestId('member-read'));
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'member_open_minutes')).toBe(true));
    const role = screen.getByTestId('member-sign-role') as HTMLSelectElement;
    expect(role.value).toBe('member');
    role.value = 'minute-taker';
    await fireEvent.change(role);
    await fireEvent.click(screen.getByTestId('member-sign'));
    await vi.waitFor(() => expect(screen.getByTestId('member-signed').textContent).toContain('ab12 ab12 ab12 ab12…'));
    expect(calls.find((c) => c.cmd === 'member_sign')?.args).toEqual({ role: 'minute-taker' });
  });

  it('says calmly that it is reconnecting, and shows the room’s error politely', async () => {
    mockIPC((cmd) => {
      if (cmd === 'member_records') return [];
      if (cmd === 'member_key_get') return KEY;
      if (cmd === 'member_view')
        return roomView({ connected: false, error: { code: 'not-allowed', message: 'biểu quyết số 2 không đang mở', detail_id: null, detail_args: {} } });
      if (cmd === 'get_cell') return null;
    });
    render(Page);
    const conn = await screen.findByTestId('member-connection');
    expect(conn.dataset.connected).toBe('false');
    expect(conn.textContent).toContain('Đang kết nối lại');
    const live = screen.getByTestId('member-live');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toContain('biểu quyết số 2 không đang mở');
    expect((screen.getByTestId('member-speak') as HTMLButtonElement).disabled).toBe(true);
  });
});
