import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { IpcError } from '$lib/ipc';
import { errorText } from './errors';

describe('errorText', () => {
  beforeEach(() => i18n.setLocale('vi'));

  it('leads with the headline of the code in the user language, then the detail', () => {
    const e = new IpcError({
      code: 'invalid-input',
      message: 'member.full_name: the name is empty',
      detail_id: null,
      detail_args: {},
    });
    expect(errorText(e)).toBe('Dữ liệu không hợp lệ, chưa thay đổi gì: member.full_name: the name is empty');
    i18n.setLocale('en');
    expect(errorText(e)).toBe('Invalid input; nothing was changed: member.full_name: the name is empty');
  });

  it('shows a catalogue detail in the user language instead of the English message', () => {
    const body = {
      code: 'not-found' as const,
      message: 'Nguyễn Văn Hùng has no key: create one first',
      detail_id: 'err-no-key',
      detail_args: { name: 'Nguyễn Văn Hùng' },
    };
    expect(errorText(body)).toBe(
      'Không tìm thấy: đồng chí Nguyễn Văn Hùng chưa có khóa ký; hãy tạo khóa ký cho đồng chí trước khi ký',
    );
    i18n.setLocale('en');
    expect(errorText(body)).toContain('Nguyễn Văn Hùng has no signing key yet');
  });

  it('reads a raw {code, message} body and anything else as internal', () => {
    expect(errorText({ code: 'disk-full', message: '' })).toBe('Ổ đĩa đầy, chưa lưu được');
    expect(errorText(new Error('boom'))).toBe('Đã có lỗi: boom');
  });
});
