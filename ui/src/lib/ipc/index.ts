/**
 * The UI's only door to the Rust shell. No other module may import `@tauri-apps/*`
 * (`src/lib/boundaries.test.ts` fails if one does).
 *
 * Boundary types are generated from the Rust types by ts-rs into `./generated/` (committed; a
 * Rust test in src-tauri fails when they drift). Only `AppInfo` and the verify result, which is
 * built from `minutebook-sign` types, are written by hand here.
 */
import { invoke } from '@tauri-apps/api/core';
import type { ApiError } from './generated/ApiError';
import type { BackupStatus } from './generated/BackupStatus';
import type { CellInput } from './generated/CellInput';
import type { CellView } from './generated/CellView';
import type { CloseCheck } from './generated/CloseCheck';
import type { Dashboard } from './generated/Dashboard';
import type { ErrorCode as ApiErrorCode } from './generated/ErrorCode';
import type { ExportWarning } from './generated/ExportWarning';
import type { KeyView } from './generated/KeyView';
import type { LiveFigures } from './generated/LiveFigures';
import type { MeetingDoc } from './generated/MeetingDoc';
import type { MeetingListItem } from './generated/MeetingListItem';
import type { MeetingWorkspace } from './generated/MeetingWorkspace';
import type { MemberDoc } from './generated/MemberDoc';
import type { MemberView } from './generated/MemberView';
import type { NewMeetingInput } from './generated/NewMeetingInput';
import type { RecordInfo } from './generated/RecordInfo';
import type { ResolutionDoc } from './generated/ResolutionDoc';
import type { RosterImportSummary } from './generated/RosterImportSummary';
import type { SearchHitView } from './generated/SearchHitView';
import type { SignedView } from './generated/SignedView';
import type { MemberKeyView, MemberRoomView, RoomHostView, RoomOpenView } from '../room/types';
import type { KeptRecordView } from './generated/KeptRecordView';
import type { FoundRoom } from './generated/FoundRoom';

export type * from './generated/index';

/** Error codes the API returns, plus `internal` for failures outside it. */
export const ERROR_CODES = [
  'not-found',
  'invalid-input',
  'usage',
  'locked',
  'wrong-passphrase',
  'key-problem',
  'not-allowed',
  'tampered',
  'disk-full',
  'too-new',
  'busy',
  'export',
  'io',
  'storage',
  'internal',
] as const satisfies readonly (ApiErrorCode | 'internal')[];
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The `{code, message}` body every failed command rejects with. */
export type ErrorBody =
  | ApiError
  | { code: 'internal'; message: string; detail_id?: null; detail_args?: Record<string, string> };

/** A failed IPC call. `code` is for branching; `message` is for people (never match on it). */
export class IpcError extends Error {
  readonly code: ErrorCode;
  /** The detail as a catalogue message id, when the API gave one (then show it, not `message`). */
  readonly detailId: string | null;
  readonly detailArgs: Record<string, string>;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'IpcError';
    this.code = body.code;
    this.detailId = body.detail_id ?? null;
    this.detailArgs = body.detail_args ?? {};
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code)
  );
}

/** Turns whatever `invoke` rejected with into an `IpcError`. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (isErrorBody(reason)) return new IpcError(reason);
  const message = reason instanceof Error ? reason.message : String(reason);
  return new IpcError({ code: 'internal', message });
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

/** What `app_info` returns (src-tauri's own type). */
export interface AppInfo {
  /** The app's version (Cargo package version). */
  version: string;
  /** Absolute path of the folder holding the minute book. */
  dataDir: string;
}

/** Outcome of a verification (`minutebook_sign::verify::Outcome`). */
export type VerifyOutcome = 'valid' | 'invalid' | 'unpinned';

/** One signature in a verification report (`minutebook_sign::verify::SignatureReport`). */
export interface VerifySignature {
  file: string;
  role: string;
  signer: { member_id: string; full_name: string } | null;
  signed_at: string | null;
  fingerprint_grouped: string | null;
  valid: boolean;
  pin: { status: string; [key: string]: unknown };
}

/** A bundle's report (the fields the UI shows). */
export interface VerifyBundle {
  source: string;
  outcome: VerifyOutcome;
  record_sha256: string;
  version: number | null;
  sequence: number | null;
  signatures: VerifySignature[];
  required_roles: { role: string; signed: boolean }[];
  unpinned_fingerprints: string[];
  caveats: string[];
  problems: { code: string; message?: string; [key: string]: unknown }[];
  /** A later version of the same meeting: in the folder verified, or (source null) in this book. */
  superseded_by: { version: number; record_sha256: string; source: string | null } | null;
}

/** `minutebook_api::verify::VerifyResult` as JSON (hand-written: it holds minutebook-sign types). */
export interface VerifyResult {
  subject: 'bundle-folder' | 'bundle-zip' | 'minute-book' | 'pdf';
  path: string;
  outcome: VerifyOutcome;
  bundles: VerifyBundle[];
  chain: { outcome: VerifyOutcome; problems: unknown[] } | null;
  rendering: {
    matches: boolean;
    detail: string | null;
    /** `minutebook_export::RenderingDifference`: re-saved with every page unchanged, or edited. */
    difference:
      | { kind: 'rewritten' }
      | { kind: 'pages-changed'; pages: number[] }
      | { kind: 'page-count'; expected: number; found: number }
      | null;
  } | null;
  trust_sources: string[];
}

/** What `export_dialog` can write. */
export type ExportKind =
  | 'minutes'
  | 'draft'
  | 'resolution'
  | 'attendance'
  | 'bundle'
  | 'invitation'
  | 'calendar';

export const appInfo = (): Promise<AppInfo> => call('app_info');
export const appReady = (): Promise<void> => call('app_ready');
export const getCell = (): Promise<CellView | null> => call('get_cell');
export const createCell = (input: CellInput): Promise<CellView> => call('create_cell', { input });
export const openBookDialog = (): Promise<CellView | null> => call('open_book_dialog');
export const importRosterDialog = (): Promise<RosterImportSummary | null> =>
  call('import_roster_dialog');
export const listMembers = (): Promise<MemberView[]> => call('list_members');
export const listKeys = (): Promise<KeyView[]> => call('list_keys');
/** Adds a member (empty `id`) or replaces a member's record. */
export const saveMember = (member: MemberDoc): Promise<MemberView> => call('save_member', { member });
export const createKey = (member: string, passphrase: string): Promise<KeyView> =>
  call('create_key', { member, passphrase });
/**
 * Pins `member`'s public key (id or full name) from a PEM file chosen in a dialog — what the
 * member's own laptop saved for the secretary; `null` when the dialog is cancelled.
 */
export const pinKeyDialog = (member: string): Promise<KeyView | null> => call('pin_key_dialog', { member });
export const listMeetings = (): Promise<MeetingListItem[]> => call('list_meetings');
/** Full-text search of the book's minutes, votes and action items (diacritics ignored). */
export const searchMinutes = (query: string): Promise<SearchHitView[]> => call('search_minutes', { query });
export const createMeeting = (input: NewMeetingInput): Promise<number> =>
  call('create_meeting', { input });
export const openMeeting = (id: number): Promise<MeetingWorkspace> => call('open_meeting', { id });
export const saveMeeting = (id: number, doc: MeetingDoc): Promise<LiveFigures> =>
  call('save_meeting', { id, doc });
export const previewFigures = (id: number, doc: MeetingDoc): Promise<LiveFigures> =>
  call('preview_figures', { id, doc });
/** A draft of the meeting's resolution from its conclusions and tasks as typed (nothing saved). */
export const draftResolution = (id: number, doc: MeetingDoc): Promise<ResolutionDoc> =>
  call('draft_resolution', { id, doc });
/** What closing meeting `id` now would meet (text that cannot print; unfinished text). */
export const closeCheck = (id: number): Promise<CloseCheck> => call('close_check', { id });
export const closeMeeting = (id: number): Promise<RecordInfo> => call('close_meeting', { id });
export const reopenMeeting = (id: number): Promise<void> => call('reopen_meeting', { id });
export const recordInfo = (id: number): Promise<RecordInfo> => call('record_info', { id });
export const signRecord = (
  id: number,
  member: string,
  role: string,
  passphrase: string,
): Promise<SignedView> => call('sign_record', { id, member, role, passphrase });
export const setDefaultReading = (code: string): Promise<void> =>
  call('set_default_reading', { code });
export const exportDialog = (id: number, what: ExportKind): Promise<string | null> =>
  call('export_dialog', { id, what });
/**
 * What to know before sending the notice of meeting `id` (dated today, as `exportDialog` prints
 * it): the meeting is already past, or the agenda runs past the planned end. The notice and
 * the calendar entry export all the same.
 */
export const invitationWarnings = (id: number): Promise<ExportWarning[]> =>
  call('invitation_warnings', { id });
/** Opens, in the system's viewer, a file an export command returned in this session. */
export const openExported = (path: string): Promise<void> => call('open_exported', { path });
export const exportSigningRequestDialog = (id: number): Promise<string | null> =>
  call('export_signing_request_dialog', { id });
export const importAttestationsDialog = (id: number): Promise<SignedView[] | null> =>
  call('import_attestations_dialog', { id });
export const verifyDialog = (): Promise<VerifyResult | null> => call('verify_dialog');
/** Loads a cell's trust file (or a public key) for verifying; every file loaded this session. */
export const loadTrustDialog = (): Promise<string[] | null> => call('load_trust_dialog');
/** Forgets the trust files loaded on the verify screen. */
export const clearTrustFiles = (): Promise<void> => call('clear_trust_files');
export const backupNow = (): Promise<string> => call('backup_now');
/** Backups folder, number kept, the backups there, today's automatic backup problem. */
export const backupStatus = (): Promise<BackupStatus> => call('backup_status');
/** The cell's year at a glance; without `year`, the latest year with a meeting. */
export const dashboard = (year?: number): Promise<Dashboard> => call('dashboard', { year: year ?? null });
/** The dashboard of `year` as CSV (headings in `lang`) where a save dialog says. */
export const exportDashboardDialog = (year: number, lang: string): Promise<string | null> =>
  call('export_dashboard_dialog', { year, lang });
/** How many automatic backups of each kind to keep (1–366). */
export const setBackupsToKeep = (keep: number): Promise<void> => call('set_backups_to_keep', { keep });

// The meeting room (issue 12). The secretary's laptop hosts the room of one meeting; members
// join it from their own laptops with their own key. Types: `$lib/room/types` (generated).

/** Opens (or resumes) the room of meeting `meetingId` with `host`'s key (member id or name). */
export const roomOpen = (
  meetingId: number,
  host: string,
  passphrase: string,
  lang: string,
): Promise<RoomOpenView> => call('room_open', { meetingId, host, passphrase, lang });
/** The open room, its live state and log; `null` when no room is open. */
export const roomView = (): Promise<RoomHostView | null> => call('room_view');
/** One of the secretary's commands (`item N`, `start [HH:MM]`, `next`, `vote N`, `close-vote [F A O]`). */
export const roomCommand = (line: string): Promise<string> => call('room_command', { line });
/** Ends the room (refused while a vote is open). */
export const roomEnd = (): Promise<void> => call('room_end');

/** The member's own key on this laptop; `null` before one is made or imported. */
export const memberKeyGet = (): Promise<MemberKeyView | null> => call('member_key_get');
export const memberKeyMake = (passphrase: string): Promise<MemberKeyView> =>
  call('member_key_make', { passphrase });
/** Imports the member's key from a PEM file chosen in a dialog; `null` when cancelled. */
export const memberKeyImportDialog = (passphrase: string): Promise<MemberKeyView | null> =>
  call('member_key_import_dialog', { passphrase });
/** Saves the member's public key where a dialog says; the path, `null` when cancelled. */
export const memberKeyExportDialog = (): Promise<string | null> => call('member_key_export_dialog');
/** Joins the room `code` names; `fingerprint` (the room key's, read out) is checked when given. */
export const memberJoin = (
  code: string,
  passphrase: string,
  fingerprint: string | null,
): Promise<MemberRoomView> => call('member_join', { code, passphrase, fingerprint });
/** The member's room; `null` when not in a room. */
export const memberView = (): Promise<MemberRoomView | null> => call('member_view');
// The requests below return at once; their outcome arrives in `memberView()` (busy, answer, error).
export const memberCheckIn = (): Promise<void> => call('member_check_in');
export const memberSpeak = (): Promise<void> => call('member_speak');
/** Votes `choice` in vote `vote` (0-based). */
export const memberVote = (vote: number, choice: 'yes' | 'no' | 'abstain'): Promise<void> =>
  call('member_vote', { vote, choice });
/** Writes the closed minutes as a PDF (`minutes_pdf` in the view once there). */
export const memberRead = (): Promise<void> => call('member_read');
/** Opens the minutes `memberRead` wrote in the system's PDF viewer. */
export const memberOpenMinutes = (): Promise<void> => call('member_open_minutes');
export const memberSign = (role: 'chair' | 'minute-taker' | 'member'): Promise<void> =>
  call('member_sign', { role });
export const memberLeave = (): Promise<void> => call('member_leave');
/** The records this member signed from this laptop, each checked again. */
export const memberRecords = (): Promise<KeptRecordView[]> => call('member_records');
/** The rooms announced on this network (listens about 3 s); a hint, joined with the fingerprint. */
export const memberDiscover = (): Promise<FoundRoom[]> => call('member_discover');
