/**
 * Test data for the meeting room's screens: a room state and a member's view with every field
 * the generated types require, overridable in part. Used by the tests only.
 */
import type { MemberRoomView, RoomState } from './types';

/** An empty room: no agenda, nobody present, no vote. */
export function roomState(over: Partial<RoomState> = {}): RoomState {
  return {
    agenda: [],
    current_item: null,
    present: [],
    queue: [],
    open_vote: null,
    results: [],
    record_sha256: null,
    signed: [],
    ...over,
  };
}

/** Mai's laptop in the March meeting's room, on item 2 of two. */
export function memberView(over: Partial<MemberRoomView> = {}, state: Partial<RoomState> = {}): MemberRoomView {
  return {
    member_id: '7',
    full_name: 'Nguyễn Thị Mai',
    subject: 'Sinh hoạt chi bộ tháng 3',
    date: '2026-03-05',
    place: 'Nhà văn hóa tổ 7',
    room_fingerprint: 'AB12 '.repeat(16).trim(),
    state: roomState({ agenda: ['Báo cáo', 'Kết nạp'], current_item: 1, ...state }),
    connected: true,
    busy: null,
    answer: null,
    error: null,
    checked_in: false,
    voted: [],
    signed_record: null,
    minutes_pdf: null,
    ended: false,
    ...over,
  };
}
