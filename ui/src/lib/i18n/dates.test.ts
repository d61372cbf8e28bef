import { describe, expect, it } from 'vitest';
import { displayDate } from './dates';

describe('displayDate', () => {
  it('puts the day first in Vietnamese', () => {
    expect(displayDate('2026-03-01', 'vi')).toBe('01/03/2026');
  });
  it('spells the month out in English', () => {
    expect(displayDate('2026-03-01', 'en')).toBe('1 March 2026');
  });
  it('leaves anything that is not an ISO date alone', () => {
    expect(displayDate('', 'vi')).toBe('');
    expect(displayDate('1/3/2026', 'vi')).toBe('1/3/2026');
  });
});
