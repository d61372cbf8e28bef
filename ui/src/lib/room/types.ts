/**
 * The meeting room's boundary types, generated from Rust by ts-rs (src-tauri/tests/ts_types.rs):
 *
 * - `RoomOpenView`, `RoomHostView` — `minutebook_api::book::room`
 * - `RoomState`, `Present`, `OpenVote`, `RoomVoteResult` — `minutebook_room::protocol` (the
 *   room's `VoteResult`, renamed: the generated folder already has the record's `VoteResult`)
 * - `MemberRoomView` — `minutebook_api::member_session`
 * - `MemberKeyView` — `minutebook_api::member_key`
 */
export type { MemberKeyView } from '$lib/ipc/generated/MemberKeyView';
export type { MemberRoomView } from '$lib/ipc/generated/MemberRoomView';
export type { OpenVote } from '$lib/ipc/generated/OpenVote';
export type { Present } from '$lib/ipc/generated/Present';
export type { RoomHostView } from '$lib/ipc/generated/RoomHostView';
export type { RoomOpenView } from '$lib/ipc/generated/RoomOpenView';
export type { RoomState } from '$lib/ipc/generated/RoomState';
export type { RoomVoteResult } from '$lib/ipc/generated/RoomVoteResult';
