/**
 * The close check's findings (`minutebook_api::views::TextProblem`) as sentences in the user's
 * language: the field named as the workspace names it ("Mục 3 › Kết luận của chủ trì"), then
 * the same catalogue message the command line prints (`text-unprintable`, `text-placeholder`…).
 */
import { t } from '$lib/i18n/i18n.svelte';
import type { TextProblem } from '$lib/ipc/generated/TextProblem';

/** Catalogue id for each JSON path segment of the record, and whether it carries a number. */
const SEGMENTS: Record<string, string> = {
  subject: 'ws-subject',
  place: 'ws-place',
  guests: 'close-field-guest',
  name: 'ws-guest-name',
  post: 'ws-guest-post',
  agenda: 'ws-agenda-item',
  title: 'close-field-title',
  presentation: 'ws-presentation',
  speeches: 'close-field-speech',
  gist: 'ws-gist',
  conclusion: 'ws-conclusion',
  votes: 'close-field-vote',
  action_items: 'close-field-action',
  task: 'ws-task',
  report_back: 'ws-report-back',
  roster: 'close-field-member',
  full_name: 'close-field-full-name',
  cell: 'close-field-cell',
};

/**
 * A record path such as `meeting.agenda[2].conclusion` as the user reads it; segments the
 * workspace has no name for are kept as they are, so nothing is hidden.
 */
export function fieldLabel(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    const m = /^([a-z_]+)(?:\[(\d+)\])?$/.exec(segment);
    if (!m) {
      parts.push(segment);
      continue;
    }
    const name = m[1] ?? '';
    const index = m[2];
    if (name === 'meeting') continue;
    const id = name === 'subject' && parts.length > 0 && path.includes('votes[') ? 'ws-vote-subject' : SEGMENTS[name];
    if (!id) {
      parts.push(segment);
      continue;
    }
    parts.push(index === undefined ? t(id) : t(id, { n: Number(index) + 1 }));
  }
  return parts.join(' › ');
}

/** One finding as one sentence, in the same words as `minutebook meeting close`. */
export function problemText(p: TextProblem): string {
  const field = fieldLabel(p.field);
  if (p.code && p.character) {
    const args = { field, code: p.code, char: p.character, name: p.name ? ` ${p.name}` : '' };
    return p.replacement
      ? t('text-unprintable-replace', { ...args, replacement: p.replacement })
      : t('text-unprintable', args);
  }
  return t(`text-${p.kind}`, { field });
}
