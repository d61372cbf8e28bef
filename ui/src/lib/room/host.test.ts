import { describe, expect, it } from 'vitest';
import { roomState } from './fixtures';
import type { KeyView } from '$lib/ipc/generated/KeyView';
import {
  closeVoteLine,
  defaultHost,
  groupLines,
  hostChoices,
  readingName,
  startLine,
  voteRows,
  voteStatus,
  workspaceKey,
} from './host';
import type { RoomState } from './types';

const key = (member_id: string, full_name: string, revoked_from: string | null = null): KeyView => ({
  member_id,
  full_name,
  fingerprint: 'ab'.repeat(32),
  fingerprint_grouped: 'ABAB '.repeat(16).trim(),
  revoked_from,
});

const empty: RoomState = roomState();

describe('host choices', () => {
  it('lists members with a key not revoked, once each', () => {
    const keys = [key('1', 'Nguyễn Văn An'), key('2', 'Trần Thị Bình', '2026-01-01'), key('1', 'Nguyễn Văn An'), key('3', 'Lê Văn Cường')];
    expect(hostChoices(keys)).toEqual([
      { id: '1', name: 'Nguyễn Văn An' },
      { id: '3', name: 'Lê Văn Cường' },
    ]);
  });

  it('suggests the chair, else the minute-taker, else the first with a key', () => {
    const choices = [
      { id: '1', name: 'A' },
      { id: '3', name: 'C' },
    ];
    expect(defaultHost(choices, '3', '1')).toBe('3');
    expect(defaultHost(choices, '2', '1')).toBe('1');
    expect(defaultHost(choices, null, '9')).toBe('1');
    expect(defaultHost([], '1', '1')).toBe('');
  });
});

describe('commands as the room reads them', () => {
  it('closes a vote with no hands counted, or with exactly three numbers', () => {
    expect(closeVoteLine('', ' ', '')).toEqual({ line: 'close-vote' });
    expect(closeVoteLine('3', '1', '0')).toEqual({ line: 'close-vote 3 1 0' });
    expect(closeVoteLine('2', '', '')).toEqual({ line: 'close-vote 2 0 0' });
  });

  it('refuses hands that are not whole numbers', () => {
    for (const bad of ['-1', '1.5', 'ba', '1e3', '12345']) {
      expect(closeVoteLine(bad, '', '')).toEqual({ error: 'room-host-hands-invalid' });
    }
  });

  it('starts now, or at a time typed as HH:MM', () => {
    expect(startLine('')).toEqual({ line: 'start' });
    expect(startLine('7:30')).toEqual({ line: 'start 07:30' });
    expect(startLine(' 19:05 ')).toEqual({ line: 'start 19:05' });
    expect(startLine('19h05')).toEqual({ line: 'start 19:05' });
    expect(startLine('24:00')).toEqual({ error: 'room-host-start-invalid' });
    expect(startLine('19:60')).toEqual({ error: 'room-host-start-invalid' });
    expect(startLine('now')).toEqual({ error: 'room-host-start-invalid' });
  });
});

describe('votes in the room', () => {
  const result = { index: 0, subject: 'Kết nạp', method: 'secret-ballot', yes: 8, no: 1, abstain: 0, eligible: 9, reading: 'qd24-exclusions', passed: true };
  const open = { index: 1, subject: 'Nghị quyết', method: 'show-of-hands', cast: 3 };

  it('tells open, taken, waiting and ready apart', () => {
    const state = { ...empty, open_vote: open, results: [result] };
    expect(voteStatus(0, state)).toBe('taken');
    expect(voteStatus(1, state)).toBe('open');
    expect(voteStatus(2, state)).toBe('waiting');
    expect(voteStatus(2, empty)).toBe('ready');
  });

  it("lists the workspace's votes and any the room knows beyond them", () => {
    const rows = voteRows([{ subject: 'Kết nạp', method: 'secret-ballot' }], { ...empty, open_vote: open, results: [result] });
    expect(rows).toEqual([
      { index: 0, subject: 'Kết nạp', method: 'secret-ballot' },
      { index: 1, subject: 'Nghị quyết', method: 'show-of-hands' },
    ]);
  });

  it('changes its workspace key when attendance, results or signatures change, not the queue', () => {
    const before = workspaceKey(empty);
    expect(workspaceKey({ ...empty, queue: ['A'], current_item: 1 })).toBe(before);
    expect(workspaceKey({ ...empty, present: [{ full_name: 'A', arrived_at: null, checked_in: true }] })).not.toBe(before);
    expect(workspaceKey({ ...empty, results: [result] })).not.toBe(before);
    expect(workspaceKey({ ...empty, signed: ['A'] })).not.toBe(before);
  });
});

describe('reading out', () => {
  it('puts a fingerprint in lines of four groups', () => {
    const grouped = Array.from({ length: 16 }, (_, i) => i.toString(16).repeat(4)).join(' ');
    const lines = groupLines(grouped);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('0000 1111 2222 3333');
    expect(lines.join(' ')).toBe(grouped);
  });

  it('names a reading from the catalogue, else by its code', () => {
    const t = (id: string) => (id === 'reading-all-official' ? 'Tất cả' : id);
    expect(readingName('all-official', t)).toBe('Tất cả');
    expect(readingName('new-reading', t)).toBe('new-reading');
  });
});
