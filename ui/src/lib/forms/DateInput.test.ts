import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, type Locale } from '$lib/i18n/i18n.svelte';
import DateInput from './DateInput.svelte';
import { daysInMonth, parseIso, pickerLocale, problemOf, toIso } from './dateInput';

/** The day, month and year parts in the order the field shows them. */
function parts(testid: string): HTMLElement[] {
  return [
    ...screen.getByTestId(testid).querySelectorAll<HTMLElement>('[data-segment="day"],[data-segment="month"],[data-segment="year"]'),
  ];
}

/** Types `text` key by key into whichever part has the focus, starting at the first. */
async function type(testid: string, text: string): Promise<void> {
  parts(testid)[0]!.focus();
  for (const key of text) {
    const target = document.activeElement as HTMLElement;
    await fireEvent.keyDown(target, { key });
    await tick();
  }
  // Leave the field, as Tab to the next field would.
  (document.activeElement as HTMLElement).blur();
  await tick();
}

function shown(testid: string): string {
  return parts(testid).map((p) => p.textContent).join('/');
}

afterEach(() => i18n.setLocale('vi'));

describe('DateInput', () => {
  for (const locale of ['vi', 'en'] as Locale[]) {
    it(`reads 05/03/2026 as 5 March 2026 in ${locale}`, async () => {
      i18n.setLocale(locale);
      const changed = vi.fn();
      render(DateInput, { label: 'Ngày', testid: 'd', onchange: changed });
      expect(parts('d').map((p) => p.dataset.segment)).toEqual(['day', 'month', 'year']);
      await type('d', '05/03/2026');
      await vi.waitFor(() => expect(changed).toHaveBeenLastCalledWith('2026-03-05'));
      expect(shown('d')).toBe('05/03/2026');
    });

    it(`takes 5/3/2026 (separators, no leading zeros) as 5 March in ${locale}`, async () => {
      i18n.setLocale(locale);
      const changed = vi.fn();
      render(DateInput, { label: 'Ngày', testid: 'd', onchange: changed });
      await type('d', '1/3/2026');
      await vi.waitFor(() => expect(changed).toHaveBeenLastCalledWith('2026-03-01'));
    });
  }

  it('shows a stored date day first and gives it back unchanged', async () => {
    render(DateInput, { label: 'Ngày', testid: 'd', value: '2026-03-05' });
    expect(shown('d')).toBe('05/03/2026');
  });

  it('refuses 31/02/2026, saying why, and keeps the last good value', async () => {
    const changed = vi.fn();
    render(DateInput, { label: 'Ngày', testid: 'd', value: '2026-01-15', onchange: changed });
    await type('d', '31022026');
    const error = await vi.waitFor(() => screen.getByTestId('d-error'));
    expect(error.textContent).toBe(
      'Không có ngày 31/2/2026: tháng 2 năm 2026 chỉ có 28 ngày. Hãy gõ lại ngày.',
    );
    // Typing over 15/01 passes through 03/01 and 31/01; February is never given out.
    expect(changed).toHaveBeenLastCalledWith('2026-01-31');
    expect(screen.getByTestId('d').getAttribute('aria-invalid')).toBe('true');
  });

  it('puts back 29 February once a leap year is typed', async () => {
    const changed = vi.fn();
    render(DateInput, { label: 'Ngày', testid: 'd', onchange: changed });
    await type('d', '29022028');
    await vi.waitFor(() => expect(changed).toHaveBeenLastCalledWith('2028-02-29'));
    expect(screen.queryByTestId('d-error')).toBeNull();
  });

  it('says a half-typed date is incomplete, in English too', async () => {
    i18n.setLocale('en');
    render(DateInput, { label: 'Date', testid: 'd' });
    await type('d', '0503');
    const error = await vi.waitFor(() => screen.getByTestId('d-error'));
    expect(error.textContent).toContain('not complete');
  });

  it('labels the calendar button in the app language', async () => {
    i18n.setLocale('en');
    render(DateInput, { label: 'Date', testid: 'd' });
    expect(screen.getByTestId('d-open').getAttribute('aria-label')).toBe('Pick the date on a calendar');
  });
});

describe('date rules', () => {
  it('parses and prints ISO dates, refusing impossible ones', () => {
    expect(toIso(parseIso('2026-03-05')!)).toBe('2026-03-05');
    expect(parseIso('2026-02-31')).toBeUndefined();
    expect(parseIso('')).toBeUndefined();
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
  it('draws both languages day first', () => {
    expect(pickerLocale('vi')).toBe('vi-VN');
    expect(pickerLocale('en')).toBe('en-GB');
  });
  it('names what is wrong', () => {
    expect(problemOf(parseIso('2026-02-28'), 31, 3)).toEqual({ kind: 'impossible', day: 31, month: 2, year: 2026, days: 28 });
    expect(problemOf(undefined, null, 2)).toEqual({ kind: 'incomplete' });
    expect(problemOf(undefined, null, 0)).toBeNull();
  });
});
