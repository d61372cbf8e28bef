import { describe, expect, it } from 'vitest';
import { groupHex, memberControls, newPassphraseProblem, queuePlace, shortSha, signedNow } from './member';
import { memberView } from './fixtures';
import type { MemberRoomView } from './types';

const SHA = 'ab12'.repeat(16);

function view(over: Partial<MemberRoomView> = {}, state: Partial<MemberRoomView['state']> = {}): MemberRoomView {
  return memberView(
    { room_fingerprint: 'ABCD '.repeat(16).trim(), ...over },
    { agenda: ['Báo cáo'], current_item: 0, ...state },
  );
}
const open = { index: 1, subject: 'Kết nạp', method: 'secret-ballot', cast: 0 };

describe("a new key's passphrase", () => {
  it('needs 8 characters (letters with diacritics count once) and the same twice', () => {
    expect(newPassphraseProblem('ngắn', 'ngắn')).toBe('key-too-short');
    expect(newPassphraseProblem('Việt Nam', 'Việt Nam')).toBeNull();
    expect(newPassphraseProblem('mật khẩu dài', 'mật khẩu dai')).toBe('key-mismatch');
  });
});

describe("the member's buttons", () => {
  it('during the meeting: check in, speak; no vote, read or sign', () => {
    expect(memberControls(view())).toEqual({ checkIn: true, speak: true, vote: false, read: false, sign: false });
  });

  it('check-in once; speaking once while in the queue', () => {
    const v = view({ checked_in: true }, { queue: ['Trần Văn Hùng', 'Nguyễn Thị Mai'] });
    expect(memberControls(v).checkIn).toBe(false);
    expect(memberControls(v).speak).toBe(false);
    expect(queuePlace(v)).toBe(2);
    expect(queuePlace(view())).toBe(0);
  });

  it('votes while a vote is open, until voted in it', () => {
    expect(memberControls(view({}, { open_vote: open })).vote).toBe(true);
    expect(memberControls(view({ voted: [1] }, { open_vote: open })).vote).toBe(false);
    expect(memberControls(view({ voted: [0] }, { open_vote: open })).vote).toBe(true);
  });

  it('nothing while a request is carried out or the connection is down', () => {
    for (const v of [view({ busy: 'check-in' }, { open_vote: open }), view({ connected: false }, { open_vote: open })]) {
      expect(memberControls(v)).toEqual({ checkIn: false, speak: false, vote: false, read: false, sign: false });
    }
  });

  it('once the meeting is closed: read and sign, until signed this record', () => {
    const closed = view({}, { record_sha256: SHA, open_vote: null });
    expect(memberControls(closed)).toEqual({ checkIn: false, speak: false, vote: false, read: true, sign: true });
    const signed = view({ signed_record: SHA }, { record_sha256: SHA });
    expect(signedNow(signed)).toBe(true);
    expect(memberControls(signed).sign).toBe(false);
    // A record reopened and closed again is a new one to sign.
    const again = view({ signed_record: 'cd34'.repeat(16) }, { record_sha256: SHA });
    expect(memberControls(again).sign).toBe(true);
  });
});

describe('hashes as read', () => {
  it('groups and shortens a SHA-256', () => {
    expect(groupHex('ab12cd34ef')).toBe('ab12 cd34 ef');
    expect(shortSha(SHA)).toBe('ab12 ab12 ab12 ab12…');
    expect(shortSha('ab12')).toBe('ab12');
  });
});
