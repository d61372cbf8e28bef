import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SetupForm from './SetupForm.svelte';

describe('SetupForm (awaiting the API)', () => {
  it('shows an error per empty field and saves nothing', async () => {
    render(SetupForm);
    await fireEvent.click(screen.getByTestId('setup-submit'));
    expect(screen.getByTestId('setup-cellName-error').textContent).toContain('không được để trống');
    expect(screen.queryByTestId('setup-not-saved')).toBeNull();
    expect(document.activeElement?.id).toBe('setup-cellName');
  });

  it('says plainly that a valid form was not saved', async () => {
    render(SetupForm);
    await fireEvent.input(screen.getByTestId('setup-cellName'), { target: { value: 'Chi bộ Tổ dân phố số 7' } });
    await fireEvent.input(screen.getByTestId('setup-committeeAbove'), { target: { value: 'Đảng bộ phường Thanh Bình' } });
    await fireEvent.input(screen.getByTestId('setup-datePlace'), { target: { value: 'Hà Nội' } });
    await fireEvent.click(screen.getByTestId('setup-submit'));
    expect(screen.queryByTestId('setup-cellName-error')).toBeNull();
    expect(screen.getByTestId('setup-not-saved').textContent).toContain('chưa có gì được lưu');
  });

  it('shows hostile input as text, never as markup', async () => {
    render(SetupForm);
    const hostile = '<img src=x onerror=alert(1)>';
    await fireEvent.input(screen.getByTestId('setup-cellName'), { target: { value: hostile } });
    expect((screen.getByTestId('setup-cellName') as HTMLInputElement).value).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });
});
