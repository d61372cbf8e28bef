/**
 * The UI's only door to the Rust shell. No other module may import `@tauri-apps/*`
 * (`src/lib/boundaries.test.ts` fails if one does).
 *
 * The types below mirror `src-tauri/src/commands.rs` and `src-tauri/src/error.rs` by hand for now.
 * When `minutebook-api` lands, its boundary DTOs will be generated into this folder (ts-rs) and a
 * test will fail when they drift.
 */
import { invoke } from '@tauri-apps/api/core';

/** Closed set of error codes the shell may return; mirrors `ErrorCode` in `src-tauri/src/error.rs`. */
export const ERROR_CODES = ['data_dir_unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The `{code, message}` body every failed command rejects with. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** A failed IPC call. `code` is for branching; `message` is for people (never match on it). */
export class IpcError extends Error {
  readonly code: ErrorCode;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'IpcError';
    this.code = body.code;
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

/** What `app_info` returns. */
export interface AppInfo {
  /** The app's version (Cargo package version). */
  version: string;
  /** Absolute path of the folder holding the minute book. */
  dataDir: string;
}

/** Version and data folder of the running app. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Tells the shell the first screen has painted (logged for startup timing). */
export function appReady(): Promise<void> {
  return call<void>('app_ready');
}
