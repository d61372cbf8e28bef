import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyView } from '$lib/ipc/generated/KeyView';
import type { MemberView } from '$lib/ipc/generated/MemberView';
import Page from './+page.svelte';

afterEach(() => clearMocks());

function member(id: string, full_name: string): MemberView {
  return {
    key_fingerprint: null,
    id,
    full_name,
    birth_date: null,
    gender: null,
    category: 'official',
    exempted: false,
    exempted_since: null,
    party_card_number: null,
    admitted_on: null,
    official_on: null,
    transfer_in: null,
    transfer_out: null,
    suspended: false,
    posts: [],
  };
}

const MEMBERS = [member('1', 'Nguyễn Văn An'), member('2', 'Trần Thị Bình'), member('3', 'Lê Văn Cường')];
const AN: KeyView = {
  member_id: '1',
  full_name: 'Nguyễn Văn An',
  fingerprint: 'ab12'.repeat(16),
  fingerprint_grouped: 'AB12 '.repeat(16).trim(),
  revoked_from: null,
};
const CUONG: KeyView = {
  member_id: '3',
  full_name: 'Lê Văn Cường',
  fingerprint: 'cd34'.repeat(16),
  fingerprint_grouped: 'CD34 '.repeat(16).trim(),
  revoked_from: null,
};

describe('roster page', () => {
  it('offers to pin a public key only to members without one, and shows the key pinned', async () => {
    let keys = [AN];
    const pins: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'list_members') return MEMBERS;
      if (cmd === 'list_keys') return keys;
      if (cmd === 'pin_key_dialog') {
        pins.push(args);
        keys = [AN, CUONG];
        return CUONG;
      }
    });
    render(Page);
    const pin = await screen.findByTestId('pin-key-2');
    expect(screen.queryByTestId('pin-key-0')).toBeNull();
    expect(screen.getByTestId('pin-key-1').getAttribute('aria-label')).toContain('Trần Thị Bình');
    expect(pin.getAttribute('aria-label')).toContain('Lê Văn Cường');
    expect(pin.textContent).toBe('Ghim khóa công khai…');
    const live = screen.getByTestId('pin-key-message');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent?.trim()).toBe('');

    await fireEvent.click(pin);
    await vi.waitFor(() => expect(screen.getByTestId('member-key-3').textContent).toContain('CD34 CD34 CD34 CD34…'));
    expect(pins).toEqual([{ member: '3' }]);
    expect(screen.queryByTestId('pin-key-2')).toBeNull();
    expect(screen.getByTestId('pin-key-1')).toBeTruthy();
    expect(live.textContent).toContain('Lê Văn Cường');
    expect(live.textContent).toContain(CUONG.fingerprint_grouped);
  });

  it('does nothing when the dialog is cancelled, and shows a refusal as an error', async () => {
    let refuse = false;
    let asked = 0;
    mockIPC((cmd) => {
      if (cmd === 'list_members') return MEMBERS;
      if (cmd === 'list_keys') return [AN];
      if (cmd === 'pin_key_dialog') {
        asked += 1;
        if (refuse)
          throw { code: 'not-allowed', message: 'đ/c Trần Thị Bình đã có khóa', detail_id: null, detail_args: {} };
        return null;
      }
    });
    render(Page);
    const pin = await screen.findByTestId('pin-key-1');
    await fireEvent.click(pin);
    await vi.waitFor(() => expect(asked).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('roster-error')).toBeNull();
    expect(screen.getByTestId('pin-key-message').textContent?.trim()).toBe('');
    expect(screen.getByTestId('pin-key-1')).toBeTruthy();

    refuse = true;
    await fireEvent.click(pin);
    const error = await screen.findByTestId('roster-error');
    expect(error.textContent).toBe('Không được phép: đ/c Trần Thị Bình đã có khóa');
    expect(screen.getByTestId('pin-key-message').textContent?.trim()).toBe('');
  });
});
