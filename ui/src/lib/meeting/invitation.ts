/**
 * The notice's warnings (`minutebook_api::Book::invitation_warnings`) as sentences in the
 * user's language: the catalogue message the command line prints, with its arguments. One is
 * worded for the desktop instead: the command line's "past, dated today" advises choosing
 * another date with `--issued-on`, which the desktop has no way to do (its notice is always
 * dated today).
 */
import { t } from '$lib/i18n/i18n.svelte';
import type { ExportWarning } from '$lib/ipc/generated/ExportWarning';

/** Catalogue ids the desktop words its own way, with the same arguments. */
const DESKTOP_WORDING: Record<string, string> = {
  'invitation-warning-past-today': 'invitation-warning-past-desktop',
};

/** One warning as one sentence; the English text when the catalogue lacks its id. */
export function invitationWarningText(w: ExportWarning): string {
  const id = DESKTOP_WORDING[w.id] ?? w.id;
  const line = t(id, w.args);
  return line === id ? w.message : line;
}
