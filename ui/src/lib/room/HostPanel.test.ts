import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HostPanel from './HostPanel.svelte';
import type { RoomHostView, RoomState } from './types';

afterEach(() => clearMocks());

const STATE: RoomState = {
  agenda: ['Báo cáo tình hình', 'Kết nạp đảng viên'],
  current_item: 0,
  present: [
    { full_name: 'Nguyễn Văn An', arrived_at: null, checked_in: true },
    { full_name: 'Trần Thị Bình', arrived_at: '19:42', checked_in: false },
  ],
  queue: ['Lê Văn Cường'],
  open_vote: null,
  results: [],
  record_sha256: null,
  signed: [],
};

function hostView(state: Partial<RoomState> = {}): RoomHostView {
  return {
    room: {
      meeting_id: 3,
      code: '192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12',
      fingerprint: 'AB12 '.repeat(16).trim(),
      qr: ['1110', '0001', '1011'],
      resumed: false,
    },
    state: { ...STATE, ...state },
    log: ['admitted Nguyễn Văn An'],
  };
}

function props(over: Record<string, unknown> = {}) {
  return {
    meetingId: 3,
    available: true,
    editable: true,
    chair: '2',
    minuteTaker: '1',
    votes: [{ subject: 'Kết nạp quần chúng Phạm Văn Dũng', method: 'secret-ballot' }],
    started: null,
    beforeCommand: vi.fn(async () => true),
    onstale: vi.fn(async () => true),
    ...over,
  };
}

describe('HostPanel', () => {
  it('opens the room with the chair’s key by default and shows the code, QR and fingerprint', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    let open = false;
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'room_view') return open ? hostView() : null;
      if (cmd === 'list_keys')
        return [
          { member_id: '1', full_name: 'Nguyễn Văn An', fingerprint: '', fingerprint_grouped: '', revoked_from: null },
          { member_id: '2', full_name: 'Trần Thị Bình', fingerprint: '', fingerprint_grouped: '', revoked_from: null },
        ];
      if (cmd === 'room_open') {
        open = true;
        return hostView().room;
      }
    });
    render(HostPanel, props());
    await fireEvent.click(await screen.findByTestId('room-open-toggle'));
    await vi.waitFor(() => expect((screen.getByTestId('room-host') as HTMLSelectElement).value).toBe('2'));
    await fireEvent.input(screen.getByTestId('room-passphrase'), { target: { value: 'mật khẩu dài' } });
    await fireEvent.click(screen.getByTestId('room-open-submit'));
    await vi.waitFor(() => expect(screen.getByTestId('room-code').textContent).toBe('192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12'));
    expect(calls.find((c) => c.cmd === 'room_open')?.args).toEqual({ meetingId: 3, host: '2', passphrase: 'mật khẩu dài', lang: 'vi' });
    // A light background and four dark runs; 4 + 4 + 4 modules across.
    const svg = screen.getByTestId('room-qr');
    expect(svg.getAttribute('viewBox')).toBe('0 0 12 12');
    expect(svg.querySelectorAll('rect')).toHaveLength(5);
    expect(screen.getByTestId('room-fingerprint').textContent?.replace(/\s+/g, ' ').trim()).toBe('AB12 '.repeat(16).trim());
    expect(screen.getByTestId('room-present-0').dataset.checkedIn).toBe('true');
    expect(screen.getByTestId('room-present-1').textContent).toContain('19:42');
  });

  it('shows a room already open, runs commands, and saves first when the room reads the meeting', async () => {
    const lines: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'room_view') return hostView();
      if (cmd === 'room_command') {
        lines.push((args as { line: string }).line);
        return 'được';
      }
    });
    const p = props();
    render(HostPanel, p);
    await fireEvent.click(await screen.findByTestId('room-next'));
    await vi.waitFor(() => expect(screen.getByTestId('room-answer').textContent).toBe('được'));
    await fireEvent.click(screen.getByTestId('room-item-1'));
    await fireEvent.click(screen.getByTestId('room-open-vote-0'));
    await fireEvent.input(screen.getByTestId('room-start-at'), { target: { value: '19:30' } });
    await fireEvent.click(screen.getByTestId('room-start'));
    await vi.waitFor(() => expect(lines).toEqual(['next', 'item 2', 'vote 1', 'start 19:30']));
    expect(p.beforeCommand).toHaveBeenCalledTimes(2);
    // The first look at the room, and the start, each made the workspace take from the book.
    await vi.waitFor(() => expect(p.onstale).toHaveBeenCalledTimes(2));
  });

  it('closes the open vote with the hands counted in the room, and refuses bad counts', async () => {
    const lines: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'room_view') return hostView({ open_vote: { index: 0, subject: 'Kết nạp', method: 'secret-ballot', cast: 5 } });
      if (cmd === 'room_command') {
        lines.push((args as { line: string }).line);
        return 'ok';
      }
    });
    render(HostPanel, props());
    expect((await screen.findByTestId('room-vote-cast')).dataset.cast).toBe('5');
    expect((screen.getByTestId('room-end') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('room-hands-yes'), { target: { value: 'hai' } });
    await fireEvent.click(screen.getByTestId('room-close-vote'));
    expect(screen.getByTestId('room-error').textContent).toContain('số nguyên');
    await fireEvent.input(screen.getByTestId('room-hands-yes'), { target: { value: '2' } });
    await fireEvent.input(screen.getByTestId('room-hands-abstain'), { target: { value: '1' } });
    await fireEvent.click(screen.getByTestId('room-close-vote'));
    await vi.waitFor(() => expect(lines).toEqual(['close-vote 2 0 1']));
  });

  it('shows results and signatures, and ends the room after a confirmation', async () => {
    let open = true;
    const ended = vi.fn();
    mockIPC((cmd) => {
      if (cmd === 'room_view')
        return open
          ? hostView({
              results: [{ index: 0, subject: 'Kết nạp', method: 'secret-ballot', yes: 8, no: 1, abstain: 0, eligible: 9, reading: 'qd24-exclusions', passed: true }],
              record_sha256: 'ab'.repeat(32),
              signed: ['Nguyễn Văn An'],
            })
          : null;
      if (cmd === 'room_end') {
        open = false;
        ended();
      }
    });
    render(HostPanel, props({ editable: false }));
    const result = await screen.findByTestId('room-result-0');
    expect(result.dataset.passed).toBe('true');
    expect(result.textContent).toContain('Tán thành 8');
    expect(result.textContent).toContain('9');
    expect(screen.getByTestId('room-signed-0').textContent).toBe('Nguyễn Văn An');
    await fireEvent.click(screen.getByTestId('room-end'));
    await fireEvent.click(screen.getByTestId('room-end-confirm'));
    await vi.waitFor(() => expect(ended).toHaveBeenCalled());
    expect(screen.getByTestId('room-panel').dataset.state).toBe('closed');
  });

  it('says when the room of another meeting is open', async () => {
    mockIPC((cmd) => (cmd === 'room_view' ? { ...hostView(), room: { ...hostView().room, meeting_id: 9 } } : undefined));
    render(HostPanel, props());
    expect((await screen.findByTestId('room-other-link')).getAttribute('href')).toBe('/meeting?id=9');
    expect(screen.queryByTestId('room-open-toggle')).toBeNull();
  });

  it('shows member names as text, never as markup', async () => {
    mockIPC((cmd) => (cmd === 'room_view' ? hostView({ queue: ['<img src=x onerror=alert(1)>'] }) : undefined));
    render(HostPanel, props());
    expect((await screen.findByTestId('room-queue-0')).textContent).toContain('<img');
    expect(document.querySelector('img')).toBeNull();
  });
});
