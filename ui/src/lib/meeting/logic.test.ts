import { describe, expect, it } from 'vitest';
import { t } from '$lib/i18n/i18n.svelte';
import type { AttendanceDoc } from '$lib/ipc/generated/AttendanceDoc';
import type { AttendanceFigures } from '$lib/ipc/generated/AttendanceFigures';
import type { VoteResult } from '$lib/ipc/generated/VoteResult';
import { agendaKeyDelta, attendanceLine, cyclePresence, moveItem, snippetParts, voteLine } from './logic';

const present: AttendanceDoc = {
  member_id: '9',
  presence: 'present',
  reason: null,
  arrived_at: null,
  left_at: null,
  left_reason: null,
};

describe('attendance', () => {
  it('one click cycles present → excused → unexcused → present', () => {
    const a = cyclePresence(present);
    expect(a.presence).toBe('absent-excused');
    expect(a.reason).toBe('');
    const b = cyclePresence({ ...a, reason: 'đi công tác' });
    expect(b.presence).toBe('absent-unexcused');
    expect(b.reason).toBeNull();
    expect(cyclePresence(b).presence).toBe('present');
  });

  it('exempted members are not cycled', () => {
    const x = { ...present, presence: 'exempted' };
    expect(cyclePresence(x)).toBe(x);
  });

  it('shows live counts the way the minutes do', () => {
    const f = { present: 10, must_attend: 12, rate_text: '83,33%' } as AttendanceFigures;
    expect(attendanceLine(f, t)).toBe('Có mặt 10/12 — 83,33%');
  });
});

describe('vote figures', () => {
  const r = {
    yes: 8,
    eligible: 9,
    yes_percent_text: '88,89%',
    threshold: 'more-than-half',
    passed: true,
  } as VoteResult;

  it('reads like a secretary says it', () => {
    expect(voteLine(r, t)).toBe('8/9 đồng chí tán thành — đạt 88,89% — quá nửa: ĐẠT');
  });

  it('says when a two-thirds vote fails', () => {
    const f = { ...r, yes: 7, eligible: 11, yes_percent_text: '63,64%', threshold: 'at-least-two-thirds', passed: false };
    expect(voteLine(f, t)).toBe(
      '7/11 đồng chí tán thành — đạt 63,64% — ít nhất hai phần ba: KHÔNG ĐẠT',
    );
  });
});

describe('agenda reorder', () => {
  it('moves with Alt+↑ / Alt+↓ and stays put at the ends', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 1, agendaKeyDelta({ altKey: true, key: 'ArrowUp' }))).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 1, agendaKeyDelta({ altKey: true, key: 'ArrowDown' }))).toEqual(['a', 'c', 'b']);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 2, 1)).toEqual(list);
    expect(agendaKeyDelta({ altKey: false, key: 'ArrowUp' })).toBe(0);
  });

  it('drag from 0 to 2 is the same move', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });
});

describe('snippetParts', () => {
  it('marks the matched words and keeps everything else as text', () => {
    expect(snippetParts('…thông qua [Nghị] [quyết] tháng 3')).toEqual([
      { text: '…thông qua ', hit: false },
      { text: 'Nghị', hit: true },
      { text: ' ', hit: false },
      { text: 'quyết', hit: true },
      { text: ' tháng 3', hit: false },
    ]);
  });
  it('leaves markup and stray brackets as plain text', () => {
    expect(snippetParts('<b>x</b> [y')).toEqual([{ text: '<b>x</b> [y', hit: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
