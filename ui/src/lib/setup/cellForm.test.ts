import { describe, expect, it } from 'vitest';
import { MAX_LEN, checkField, normalise, validateCellForm } from './cellForm';

describe('cell form checks', () => {
  it('accepts the March 2026 case', () => {
    expect(
      validateCellForm({
        cellName: 'Chi bộ Tổ dân phố số 7',
        committeeAbove: 'Đảng bộ phường Thanh Bình',
        datePlace: 'Hà Nội',
      }),
    ).toEqual({});
  });

  it('requires every field, ignoring surrounding spaces', () => {
    expect(validateCellForm({ cellName: '  ', committeeAbove: '', datePlace: 'Hà Nội' })).toEqual({
      cellName: { kind: 'required' },
      committeeAbove: { kind: 'required' },
    });
  });

  it('rejects control characters and over-long values', () => {
    expect(checkField('Chi bộ\u0000')).toEqual({ kind: 'control' });
    expect(checkField('a\tb')).toEqual({ kind: 'control' });
    expect(checkField('ộ'.repeat(MAX_LEN))).toBeUndefined();
    expect(checkField('ộ'.repeat(MAX_LEN + 1))).toEqual({ kind: 'too-long', max: MAX_LEN });
  });

  it('normalises decomposed Vietnamese (as some input methods type it) to NFC', () => {
    const decomposed = 'Ha\u0300 No\u0323\u0302i';
    expect(normalise(` ${decomposed} `)).toBe('Hà Nội');
    // Length is counted after NFC, so a decomposed value is not unfairly "too long".
    expect(checkField('o\u0323\u0302'.repeat(MAX_LEN))).toBeUndefined();
  });
});
