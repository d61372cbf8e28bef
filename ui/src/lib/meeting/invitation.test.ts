import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { invitationWarningText } from './invitation';

const past = {
  id: 'invitation-warning-past-today',
  args: { date: '05/3/2026', issued: '07/12/2026' },
  message: 'the meeting of 2026-03-05 is before the notice’s date, 2026-12-07; the notice prints all the same',
};
const overrun = {
  id: 'invitation-warning-overrun',
  args: { minutes: '45', start: '19:30', agenda_end: '20:15', end: '20:00' },
  message: 'the agenda’s planned 45 minutes from 19:30 end at 20:15, after the planned end 20:00',
};

describe('invitationWarningText', () => {
  it('words a past meeting for the desktop, without the command line’s --issued-on', () => {
    i18n.setLocale('vi');
    const line = invitationWarningText(past);
    expect(line).toContain('05/3/2026');
    expect(line).toContain('07/12/2026');
    expect(line).toContain('đã qua');
    expect(line).not.toContain('--issued-on');
  });
  it('fills an overrun with its clock times, in the chosen language', () => {
    i18n.setLocale('en');
    const line = invitationWarningText(overrun);
    expect(line).toContain('45 minutes');
    expect(line).toContain('20:15');
    expect(line).toContain('20:00');
    i18n.setLocale('vi');
    expect(invitationWarningText(overrun)).toContain('45 phút');
  });
  it('falls back to the English text for an id the catalogue lacks', () => {
    i18n.setLocale('vi');
    expect(invitationWarningText({ id: 'invitation-warning-new', args: {}, message: 'something new' })).toBe(
      'something new',
    );
  });
});
