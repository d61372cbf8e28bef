import { describe, expect, it } from 'vitest';
import type { MeetingDoc } from '$lib/ipc/generated/MeetingDoc';
import { takeRoomRecorded } from './sync';

function doc(): MeetingDoc {
  return {
    id: '3',
    kind: 'regular',
    subject: 'Sinh hoạt chi bộ',
    number: null,
    date: '2026-03-05',
    place: '',
    planned_start: null,
    planned_end: null,
    actual_start: null,
    actual_end: null,
    chair: null,
    minute_taker: null,
    status: 'draft',
    guests: [],
    agenda: [{ title: 'Báo cáo', presenter: null, planned_minutes: null, presentation: '', speeches: [], conclusion: 'đang gõ', reviews_previous_resolution: false }],
    attendance: [
      { member_id: '1', presence: 'absent-unexcused', reason: null, arrived_at: null, left_at: null, left_reason: null },
      { member_id: '2', presence: 'present', reason: null, arrived_at: null, left_at: null, left_reason: null },
    ],
    votes: [
      { subject: 'Kết nạp', kind: 'admission', method: 'secret-ballot', ballots: null, yes: 0, no: 0, abstain: 0, at: '19:30', reading: null },
      { subject: 'Khác', kind: 'other', method: 'show-of-hands', ballots: null, yes: 0, no: 0, abstain: 0, at: '19:30', reading: null },
    ],
    action_items: [],
  };
}

describe('taking what the room recorded', () => {
  it('takes attendance, votes and times into the objects on screen, nothing else', () => {
    const local = doc();
    const agenda = local.agenda[0];
    const row = local.attendance[0];
    const fresh = doc();
    fresh.actual_start = '19:30';
    fresh.attendance[0] = { ...fresh.attendance[0]!, presence: 'present', arrived_at: '19:42' };
    fresh.votes[0] = { ...fresh.votes[0]!, yes: 8, no: 1, ballots: { issued: 9, returned: 9, valid: 9 }, at: '20:10' };
    fresh.agenda[0]!.conclusion = 'cũ';
    takeRoomRecorded(local, fresh);
    expect(local.actual_start).toBe('19:30');
    expect(local.attendance[0]).toBe(row);
    expect(row).toMatchObject({ presence: 'present', arrived_at: '19:42' });
    expect(local.votes[0]).toMatchObject({ yes: 8, no: 1, at: '20:10', ballots: { issued: 9, returned: 9, valid: 9 } });
    expect(local.agenda[0]).toBe(agenda);
    expect(local.agenda[0]!.conclusion).toBe('đang gõ');
  });

  it("leaves a vote whose subject differs (it is the workspace's)", () => {
    const local = doc();
    local.votes[1]!.subject = 'Khác (sửa)';
    const fresh = doc();
    fresh.votes[1]!.yes = 5;
    takeRoomRecorded(local, fresh);
    expect(local.votes[1]!.yes).toBe(0);
  });

  it('replaces the attendance when the members differ', () => {
    const local = doc();
    const fresh = doc();
    fresh.attendance.push({ member_id: '3', presence: 'present', reason: null, arrived_at: null, left_at: null, left_reason: null });
    takeRoomRecorded(local, fresh);
    expect(local.attendance.map((a) => a.member_id)).toEqual(['1', '2', '3']);
  });
});
