/** Pure helpers of the member's room page: what can be pressed now, and how things read. */
import type { MemberRoomView } from './types';

/** A passphrase for a new key: the catalogue id of what is wrong, or `null` when it will do. */
export function newPassphraseProblem(passphrase: string, again: string): string | null {
  if ([...passphrase].length < 8) return 'key-too-short';
  if (passphrase !== again) return 'key-mismatch';
  return null;
}

/** Which of the member's buttons can be pressed now. */
export interface MemberControls {
  checkIn: boolean;
  speak: boolean;
  /** The three vote buttons of the open vote. */
  vote: boolean;
  read: boolean;
  sign: boolean;
}

/** Whether this member already voted in the vote open now. */
export function votedInOpen(v: MemberRoomView): boolean {
  const open = v.state.open_vote;
  return open !== null && v.voted.includes(open.index);
}

/** Whether this member signed the record the room offers now. */
export function signedNow(v: MemberRoomView): boolean {
  return v.signed_record !== null && v.signed_record === v.state.record_sha256;
}

/** This member's place in the speaking queue (1 = their turn), or 0 when not in it. */
export function queuePlace(v: MemberRoomView): number {
  return v.state.queue.indexOf(v.full_name) + 1;
}

/**
 * Nothing is pressed while a request is being carried out or the connection is down (it would
 * only fail); check-in, speaking and votes belong to the meeting, reading and signing to its
 * record once it is closed.
 */
export function memberControls(v: MemberRoomView): MemberControls {
  const idle = v.busy === null && v.connected;
  const closed = v.state.record_sha256 !== null;
  return {
    checkIn: idle && !closed && !v.checked_in,
    speak: idle && !closed && queuePlace(v) === 0,
    vote: idle && !closed && v.state.open_vote !== null && !votedInOpen(v),
    read: idle && closed,
    sign: idle && closed && !signedNow(v),
  };
}

/** A SHA-256 in groups of 4 hex digits, as the workspace shows a record's. */
export function groupHex(hex: string): string {
  return (hex.replace(/[^0-9a-fA-F]/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** `3f2a9c1b…` → `3f2a 9c1b 77e0 12ab…`: enough of a SHA-256 to tell records apart aloud. */
export function shortSha(sha: string, groups = 4): string {
  const all = groupHex(sha).split(' ');
  const head = all.slice(0, groups).join(' ');
  return all.length > groups ? `${head}…` : head;
}
