import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { fieldLabel, problemText } from './closeCheck';

describe('fieldLabel', () => {
  it('names the field as the workspace does, numbered from 1', () => {
    i18n.setLocale('vi');
    expect(fieldLabel('meeting.agenda[2].conclusion')).toBe('Mục 3 › Kết luận của chủ trì');
    expect(fieldLabel('meeting.agenda[0].speeches[1].gist')).toBe('Mục 1 › Ý kiến 2 › Tóm tắt ý kiến');
    expect(fieldLabel('roster[4].full_name')).toBe('Đảng viên 5 › Họ và tên');
  });
  it('keeps what it has no name for', () => {
    i18n.setLocale('vi');
    expect(fieldLabel('meeting.agenda[0].something_new')).toBe('Mục 1 › something_new');
  });
  it('speaks English when asked', () => {
    i18n.setLocale('en');
    expect(fieldLabel('meeting.votes[0].subject')).toBe('Vote 1 › Subject of the vote');
    i18n.setLocale('vi');
  });
});

describe('problemText', () => {
  it('offers the plain replacement for an unprintable character', () => {
    i18n.setLocale('vi');
    const line = problemText({
      field: 'meeting.agenda[2].conclusion',
      kind: 'unprintable',
      character: '✔',
      code: 'U+2714',
      name: 'HEAVY CHECK MARK',
      replacement: 'x',
    });
    expect(line).toContain('Mục 3 › Kết luận của chủ trì');
    expect(line).toContain('U+2714');
    expect(line).toContain('“x”');
  });
  it('words a placeholder warning', () => {
    i18n.setLocale('vi');
    const line = problemText({
      field: 'meeting.place',
      kind: 'placeholder',
      character: null,
      code: null,
      name: null,
      replacement: null,
    });
    expect(line.startsWith('Địa điểm')).toBe(true);
  });
});
