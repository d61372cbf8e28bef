/** Pure helpers of the secretary's room panel (commands typed as the room reads them, lists). */
import type { KeyView } from '$lib/ipc/generated/KeyView';
import type { RoomState, RoomVoteResult } from './types';

type T = (id: string, args?: Record<string, string | number>) => string;

/** A member who can host the room: someone with a key that is not revoked. */
export interface HostChoice {
  id: string;
  name: string;
}

/** Members with a usable key, once each, in the order listed (the key made last counts). */
export function hostChoices(keys: readonly KeyView[]): HostChoice[] {
  const seen = new Map<string, HostChoice>();
  for (const k of keys) {
    if (k.revoked_from) continue;
    seen.set(k.member_id, { id: k.member_id, name: k.full_name });
  }
  return [...seen.values()];
}

/** The host suggested: the chair if they have a key, else the minute-taker, else the first. */
export function defaultHost(
  choices: readonly HostChoice[],
  chair: string | null | undefined,
  minuteTaker: string | null | undefined,
): string {
  for (const id of [chair, minuteTaker]) {
    if (id && choices.some((c) => c.id === id)) return id;
  }
  return choices[0]?.id ?? '';
}

/** A command to send, or the catalogue id of what is wrong with what was typed. */
export type Command = { line: string } | { error: string };

/** A whole number of hands as typed: `''` is none, anything else must be 0–9999. */
function hands(typed: string): number | null | undefined {
  const s = typed.trim();
  if (s === '') return null;
  if (!/^\d{1,4}$/.test(s)) return undefined;
  return Number(s);
}

/**
 * `close-vote`, or `close-vote F A O` when hands were counted in the room (for, against, other
 * opinion). A field left empty beside one filled counts as 0; anything but a whole number is
 * refused before it is sent.
 */
export function closeVoteLine(yes: string, no: string, abstain: string): Command {
  const counts = [yes, no, abstain].map(hands);
  if (counts.some((c) => c === undefined)) return { error: 'room-host-hands-invalid' };
  if (counts.every((c) => c === null)) return { line: 'close-vote' };
  return { line: `close-vote ${counts.map((c) => c ?? 0).join(' ')}` };
}

/** `start` (the room's clock), or `start HH:MM` for a time typed as H:MM or HH:MM. */
export function startLine(time: string): Command {
  const s = time.trim();
  if (s === '') return { line: 'start' };
  const m = /^(\d{1,2})[:.h](\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { error: 'room-host-start-invalid' };
  return { line: `start ${m[1]!.padStart(2, '0')}:${m[2]}` };
}

/** Where a vote of the meeting stands in the room. */
export type VoteStatus = 'open' | 'taken' | 'waiting' | 'ready';

/** `open` now, `taken` (closed in a room, with a result), `waiting` (another is open), `ready`. */
export function voteStatus(index: number, state: RoomState): VoteStatus {
  if (state.open_vote?.index === index) return 'open';
  if (state.results.some((r) => r.index === index)) return 'taken';
  if (state.open_vote) return 'waiting';
  return 'ready';
}

/** The result of vote `index`, if it was taken in a room. */
export function resultOf(index: number, state: RoomState): RoomVoteResult | undefined {
  return state.results.find((r) => r.index === index);
}

/**
 * What, in the room's state, the workspace shows too (attendance, votes' figures, signatures):
 * when it changes, the workspace reloads those from the book.
 */
export function workspaceKey(state: RoomState): string {
  return JSON.stringify([state.present, state.results, state.signed, state.record_sha256]);
}

/** A grouped fingerprint (`AB12 CD34 …`) in lines of `perLine` groups, for reading out. */
export function groupLines(grouped: string, perLine = 4): string[] {
  const groups = grouped.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines;
}

/** A counting reading's name, or its code when the catalogue has none. */
export function readingName(code: string, t: T): string {
  const name = t(`reading-${code}`);
  return name === `reading-${code}` ? code : name;
}

/** "Tán thành 7 · Không tán thành 1 · Ý kiến khác 0 — trên 9 đồng chí". */
export function resultLine(r: RoomVoteResult, t: T): string {
  return t('room-result-line', { yes: r.yes, no: r.no, abstain: r.abstain, eligible: r.eligible });
}

/** One of the meeting's votes as the room panel lists it. */
export interface VoteRow {
  index: number;
  subject: string;
  method: string;
}

/**
 * The meeting's votes as the workspace has them, plus any the room knows of beyond them (the
 * workspace's copy can lag behind the book by an autosave): every vote open or taken is shown.
 */
export function voteRows(votes: readonly { subject: string; method: string }[], state: RoomState): VoteRow[] {
  const rows: VoteRow[] = votes.map((v, index) => ({ index, subject: v.subject, method: v.method }));
  const extra = [...(state.open_vote ? [state.open_vote] : []), ...state.results];
  for (const v of extra) {
    if (!rows.some((r) => r.index === v.index)) rows.push({ index: v.index, subject: v.subject, method: v.method });
  }
  return rows.sort((a, b) => a.index - b.index);
}
