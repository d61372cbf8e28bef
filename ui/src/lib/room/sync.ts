/**
 * The meeting room writes into the book behind the workspace's back (check-ins become the
 * attendance, votes closed in the room their figures, `start` the actual start). Once the
 * workspace has saved what was typed, it takes those parts from a fresh copy of the meeting —
 * only those, and into the objects it already shows, so that the field being typed in (an
 * agenda item's minutes, say) is neither re-created nor loses its caret.
 */
import type { MeetingDoc } from '$lib/ipc/generated/MeetingDoc';

/** Copies what the room records from `fresh` into `local` (in place). */
export function takeRoomRecorded(local: MeetingDoc, fresh: MeetingDoc): void {
  local.actual_start = fresh.actual_start;
  local.actual_end = fresh.actual_end;
  const sameMembers =
    local.attendance.length === fresh.attendance.length &&
    local.attendance.every((a, i) => a.member_id === fresh.attendance[i]?.member_id);
  if (sameMembers) {
    fresh.attendance.forEach((a, i) => Object.assign(local.attendance[i]!, a));
  } else {
    local.attendance = fresh.attendance;
  }
  // Votes are matched by position and subject, as the book matches them when it keeps them.
  fresh.votes.forEach((v, i) => {
    const mine = local.votes[i];
    if (!mine || mine.subject !== v.subject) return;
    mine.method = v.method;
    mine.yes = v.yes;
    mine.no = v.no;
    mine.abstain = v.abstain;
    mine.ballots = v.ballots;
    mine.at = v.at;
  });
}
