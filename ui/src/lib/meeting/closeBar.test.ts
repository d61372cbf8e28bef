import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import CloseBar from './CloseBar.svelte';

afterEach(() => clearMocks());

const PAST = {
  id: 'invitation-warning-past-today',
  args: { date: '05/3/2026', issued: '07/12/2026' },
  message: 'the meeting of 2026-03-05 is before the notice’s date, 2026-12-07',
};
const OVERRUN = {
  id: 'invitation-warning-overrun',
  args: { minutes: '45', start: '19:30', agenda_end: '20:15', end: '20:00' },
  message: 'the agenda’s planned 45 minutes from 19:30 end at 20:15, after the planned end 20:00',
};

describe('CloseBar: the notice’s warnings', () => {
  it('shows them beside the notice’s buttons, asks again after a save, and still exports', async () => {
    i18n.setLocale('vi');
    let answer: unknown[] = [PAST];
    const asked: unknown[] = [];
    const exported: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'invitation_warnings') {
        asked.push(args);
        return answer;
      }
      if (cmd === 'export_dialog') {
        exported.push(args);
        return '/tmp/thong-bao-trieu-tap-7.pdf';
      }
    });
    const props = { id: 7, saved: 0, beforeClose: async () => true, onclosed: () => {} };
    const { rerender } = render(CloseBar, props);

    const first = await screen.findByTestId('invitation-warning-0');
    expect(first.getAttribute('role')).toBe('status');
    expect(first.textContent).toContain('05/3/2026');
    expect(first.textContent).not.toContain('--issued-on');
    expect(screen.queryByTestId('invitation-warning-1')).toBeNull();
    expect(asked).toEqual([{ id: 7 }]);

    // An autosave changed the agenda: the page counts the save, the warnings are asked again.
    answer = [PAST, OVERRUN];
    await rerender({ ...props, saved: 1 });
    const second = await screen.findByTestId('invitation-warning-1');
    expect(second.textContent).toContain('20:15');
    expect(asked).toHaveLength(2);

    // Warnings never stop the export.
    await fireEvent.click(screen.getByTestId('print-invitation'));
    await waitFor(() => expect(exported).toEqual([{ id: 7, what: 'invitation' }]));
    expect((await screen.findByTestId('close-message')).textContent).toContain('thong-bao-trieu-tap-7.pdf');

    // Fixed: the warnings go.
    answer = [];
    await rerender({ ...props, saved: 2 });
    await waitFor(() => expect(screen.queryByTestId('invitation-warning-0')).toBeNull());
  });

  it('shows nothing when the warnings cannot be read', async () => {
    mockIPC((cmd) => {
      if (cmd === 'invitation_warnings') throw { code: 'not-found', message: 'meeting 7' };
    });
    render(CloseBar, { id: 7, beforeClose: async () => true, onclosed: () => {} });
    expect(await screen.findByTestId('print-invitation')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('invitation-warning-0')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
