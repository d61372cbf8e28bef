/** Pure helpers of the meeting workspace (attendance cycling, figures wording, agenda moves). */
import type { AttendanceDoc } from '$lib/ipc/generated/AttendanceDoc';
import type { AttendanceFigures } from '$lib/ipc/generated/AttendanceFigures';
import type { VoteResult } from '$lib/ipc/generated/VoteResult';

/** One click cycles a member through these (exempted members are not cycled). */
export const PRESENCE_CYCLE = ['present', 'absent-excused', 'absent-unexcused'] as const;

/** The next presence on a click; the reason is kept only for an excused absence. */
export function cyclePresence(a: AttendanceDoc): AttendanceDoc {
  if (a.presence === 'exempted' || a.presence === 'not-required') return a;
  const i = PRESENCE_CYCLE.indexOf(a.presence as (typeof PRESENCE_CYCLE)[number]);
  const presence = PRESENCE_CYCLE[(i + 1) % PRESENCE_CYCLE.length] ?? 'present';
  return {
    ...a,
    presence,
    reason: presence === 'absent-excused' ? (a.reason ?? '') : null,
    arrived_at: presence === 'present' ? a.arrived_at : null,
    left_at: presence === 'present' ? a.left_at : null,
  };
}

type T = (id: string, args?: Record<string, string | number>) => string;

/** "Có mặt 10/12 — 83,33%". */
export function attendanceLine(f: AttendanceFigures, t: T): string {
  return t('ws-attendance-line', { present: f.present, must: f.must_attend, rate: f.rate_text });
}

/** "8/9 đồng chí tán thành — đạt 88,89% — quá nửa: ĐẠT". */
export function voteLine(r: VoteResult, t: T): string {
  return t('ws-vote-line', {
    yes: r.yes,
    eligible: r.eligible,
    percent: r.yes_percent_text,
    threshold: t(`threshold-${r.threshold}`),
    outcome: t(r.passed ? 'vote-passed' : 'vote-failed').toLocaleUpperCase('vi'),
  });
}

/** Moves item `i` by `delta` (−1 up, +1 down); returns a new array (unchanged at the ends). */
export function moveItem<X>(list: readonly X[], i: number, delta: number): X[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  out.splice(j, 0, ...out.splice(i, 1));
  return out;
}

/** Alt+↑ / Alt+↓ on an agenda row: the move to make, or 0. */
export function agendaKeyDelta(e: Pick<KeyboardEvent, 'altKey' | 'key'>): number {
  if (!e.altKey) return 0;
  if (e.key === 'ArrowUp') return -1;
  if (e.key === 'ArrowDown') return 1;
  return 0;
}

/** "2026-03" of a date, for grouping meetings by month. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A piece of a search excerpt: `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Splits a search excerpt from the API, where matched words stand between `[` and `]`, into
 * parts to show as text (never as HTML), the matches highlighted.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = /\[([^\[\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false });
    parts.push({ text: m[1] ?? '', hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts;
}
