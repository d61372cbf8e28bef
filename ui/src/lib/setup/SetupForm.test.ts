import { fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it, vi } from 'vitest';
import SetupForm from './SetupForm.svelte';

describe('SetupForm', () => {
  it('shows an error per empty field and saves nothing', async () => {
    render(SetupForm);
    await fireEvent.click(screen.getByTestId('setup-submit'));
    expect(screen.getByTestId('setup-cellName-error').textContent).toContain('không được để trống');
    expect(screen.queryByTestId('setup-not-saved')).toBeNull();
    expect(document.activeElement?.id).toBe('setup-cellName');
  });

  it('creates the cell through the API with NFC, trimmed values', async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'create_cell') {
        calls.push(args);
        return { name: 'Chi bộ Tổ dân phố số 7' };
      }
    });
    const created = vi.fn();
    render(SetupForm, { oncreated: created });
    await fireEvent.input(screen.getByTestId('setup-cellName'), { target: { value: ' Chi bo\u0302\u0323 Tổ dân phố số 7 ' } });
    await fireEvent.input(screen.getByTestId('setup-committeeAbove'), { target: { value: 'Đảng bộ phường Thanh Bình' } });
    await fireEvent.input(screen.getByTestId('setup-datePlace'), { target: { value: 'Hà Nội' } });
    await fireEvent.click(screen.getByTestId('setup-submit'));
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    expect(calls[0]).toEqual({
      input: {
        name: 'Chi bộ Tổ dân phố số 7',
        upper_committee: 'Đảng bộ phường Thanh Bình',
        place: 'Hà Nội',
        document_code: 'CB',
      },
    });
    clearMocks();
  });

  it('shows the error when the API refuses', async () => {
    mockIPC(() => {
      throw { code: 'invalid-input', message: 'name: too long' };
    });
    render(SetupForm);
    await fireEvent.input(screen.getByTestId('setup-cellName'), { target: { value: 'Chi bộ' } });
    await fireEvent.input(screen.getByTestId('setup-committeeAbove'), { target: { value: 'Đảng bộ' } });
    await fireEvent.input(screen.getByTestId('setup-datePlace'), { target: { value: 'Hà Nội' } });
    await fireEvent.click(screen.getByTestId('setup-submit'));
    await vi.waitFor(() => expect(screen.getByTestId('setup-not-saved').textContent).toContain('name: too long'));
    clearMocks();
  });

  it('shows hostile input as text, never as markup', async () => {
    render(SetupForm);
    const hostile = '<img src=x onerror=alert(1)>';
    await fireEvent.input(screen.getByTestId('setup-cellName'), { target: { value: hostile } });
    expect((screen.getByTestId('setup-cellName') as HTMLInputElement).value).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });
});
