/**
 * Client-side checks for the first-run "create the cell" form.
 *
 * These checks only give early feedback; the authoritative validation and the creation are in
 * `minutebook-api` (`Book::create_cell`), which stores the cell NFC.
 */

/** The form's fields, as typed. */
export interface CellForm {
  cellName: string;
  committeeAbove: string;
  datePlace: string;
}

/** Longest value accepted for any field (characters, after NFC). */
export const MAX_LEN = 200;

/** Why a field was rejected; each maps to a catalogue message. */
export type FieldError =
  | { kind: 'required' }
  | { kind: 'too-long'; max: number }
  | { kind: 'control' };

/** Per-field errors; a missing key means the field is fine. */
export type CellFormErrors = Partial<Record<keyof CellForm, FieldError>>;

/** Field names in the order they appear. */
export const FIELDS: readonly (keyof CellForm)[] = ['cellName', 'committeeAbove', 'datePlace'];

// C0 and C1 control characters (tabs and newlines included: these are one-line fields).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Trims and NFC-normalises a value (input methods may produce decomposed Vietnamese). */
export function normalise(value: string): string {
  return value.normalize('NFC').trim();
}

/** Checks one value. */
export function checkField(value: string): FieldError | undefined {
  const v = normalise(value);
  if (v.length === 0) return { kind: 'required' };
  if (CONTROL.test(v)) return { kind: 'control' };
  if ([...v].length > MAX_LEN) return { kind: 'too-long', max: MAX_LEN };
  return undefined;
}

/** Checks the whole form. */
export function validateCellForm(form: CellForm): CellFormErrors {
  const errors: CellFormErrors = {};
  for (const field of FIELDS) {
    const error = checkField(form[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

/** The catalogue id for an error. */
export function errorMessageId(error: FieldError): string {
  return `setup-error-${error.kind}`;
}
