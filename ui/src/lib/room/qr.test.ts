import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrRuns, qrSize } from './qr';

describe('QR drawing', () => {
  it('draws each run of dark modules in a row as one rectangle, shifted by the quiet zone', () => {
    const rows = ['1101', '0000', '0111'];
    expect(qrRuns(rows)).toEqual([
      { x: 4, y: 4, width: 2 },
      { x: 7, y: 4, width: 1 },
      { x: 5, y: 6, width: 3 },
    ]);
  });

  it('closes a run that reaches the end of its row', () => {
    expect(qrRuns(['0011'], 0)).toEqual([{ x: 2, y: 0, width: 2 }]);
  });

  it('adds four light modules on every side', () => {
    expect(QUIET_ZONE).toBe(4);
    const rows = Array.from({ length: 21 }, () => '1'.repeat(21));
    expect(qrSize(rows)).toBe(29);
    expect(qrRuns(rows)).toHaveLength(21);
  });

  it('draws nothing for an empty code', () => {
    expect(qrRuns([])).toEqual([]);
    expect(qrSize([])).toBe(8);
  });
});
