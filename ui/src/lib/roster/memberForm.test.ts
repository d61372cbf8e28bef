import { describe, expect, it } from 'vitest';
import type { MemberDoc } from '$lib/ipc/generated/MemberDoc';
import { docFromForm, emptyMemberForm, formFromDoc, problems, standing } from './memberForm';

const hung: MemberDoc = {
  id: '1',
  full_name: 'Nguyễn Văn Hùng',
  birth_date: '1968-04-12',
  gender: 'male',
  category: 'official',
  exempted: false,
  exempted_since: null,
  party_card_number: '0012345',
  admitted_on: '1992-05-19',
  official_on: '1993-05-19',
  transfer_in: null,
  transfer_out: { date: '2026-03-01', kind: 'temporary', other_body: 'Chi bộ Tổ dân phố số 9' },
  suspended: false,
  posts: ['cell-secretary', 'Trưởng ban công tác mặt trận'],
};

describe('member form', () => {
  it('round-trips a member document unchanged', () => {
    expect(docFromForm(formFromDoc(hung))).toEqual(hung);
  });

  it('keeps the leading zeros of a card number and splits other posts', () => {
    const f = formFromDoc(hung);
    expect(f.partyCardNumber).toBe('0012345');
    expect(f.posts).toEqual(['cell-secretary']);
    f.otherPosts = ' Tổ trưởng ,  , Trưởng ban công tác mặt trận';
    expect(docFromForm(f).posts).toEqual(['cell-secretary', 'Tổ trưởng', 'Trưởng ban công tác mặt trận']);
  });

  it('stores text composed and trimmed, blanks as null', () => {
    const f = emptyMemberForm();
    f.fullName = '  Nguye\u0302\u0303n Thi\u0323 Thu Trang ';
    f.partyCardNumber = '   ';
    f.exemptedSince = '2020-01-01'; // dropped: not exempted
    const d = docFromForm(f);
    expect(d.full_name).toBe('Nguyễn Thị Thu Trang');
    expect(d.party_card_number).toBeNull();
    expect(d.exempted_since).toBeNull();
    expect(d.transfer_in).toBeNull();
    expect(d.id).toBe('');
  });

  it('says what is missing before saving', () => {
    const f = emptyMemberForm();
    expect(problems(f)).toEqual(['name-required']);
    f.fullName = 'Trần Văn Mới';
    f.transferIn.date = '2026-02-10';
    expect(problems(f)).toEqual(['transfer-in-incomplete']);
    f.transferIn.otherBody = 'Chi bộ 3';
    f.transferOut.otherBody = 'Chi bộ 9';
    expect(problems(f)).toEqual(['transfer-out-incomplete']);
    f.transferOut.date = '2026-05-01';
    expect(problems(f)).toEqual([]);
  });

  it('tells where a member stands on a day', () => {
    expect(standing(hung, '2026-02-28')).toBe('here');
    expect(standing(hung, '2026-03-01')).toBe('away');
    const left = { ...hung, transfer_out: { ...hung.transfer_out!, kind: 'official' } };
    expect(standing(left, '2026-03-05')).toBe('left');
    const arriving = { ...hung, transfer_out: null, transfer_in: { date: '2026-04-01', kind: 'official', other_body: 'x' } };
    expect(standing(arriving, '2026-03-05')).toBe('not-yet');
  });
});
