import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IpcError,
  appInfo,
  memberJoin,
  memberSign,
  memberVote,
  pinKeyDialog,
  roomCommand,
  roomOpen,
  toIpcError,
} from './index';

afterEach(() => clearMocks());

describe('ipc', () => {
  it('returns app_info from the shell', async () => {
    mockIPC((cmd) => (cmd === 'app_info' ? { version: '0.1.0', dataDir: '/tmp/mb' } : undefined));
    await expect(appInfo()).resolves.toEqual({ version: '0.1.0', dataDir: '/tmp/mb' });
  });

  it('turns a {code, message} rejection into an IpcError with that code', async () => {
    mockIPC(() => {
      throw { code: 'io', message: 'no home' };
    });
    const error = await appInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect((error as IpcError).code).toBe('io');
    expect((error as IpcError).message).toBe('no home');
  });

  it('maps anything else to code "internal"', () => {
    expect(toIpcError('boom').code).toBe('internal');
    expect(toIpcError({ code: 'not-a-code', message: 'x' }).code).toBe('internal');
  });

  it('passes the meeting room commands their arguments as Tauri names them', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await roomOpen(3, '12', 'mật khẩu dài', 'vi');
    await roomCommand('close-vote 2 0 1');
    await memberJoin('192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12', 'mật khẩu dài', null);
    await memberVote(0, 'abstain');
    await memberSign('minute-taker');
    expect(calls).toEqual([
      ['room_open', { meetingId: 3, host: '12', passphrase: 'mật khẩu dài', lang: 'vi' }],
      ['room_command', { line: 'close-vote 2 0 1' }],
      ['member_join', { code: '192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12', passphrase: 'mật khẩu dài', fingerprint: null }],
      ['member_vote', { vote: 0, choice: 'abstain' }],
      ['member_sign', { role: 'minute-taker' }],
    ]);
  });

  it('pins a member’s public key by the member named, and gives null when the dialog is cancelled', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    expect(await pinKeyDialog('7')).toBeNull();
    expect(calls).toEqual([['pin_key_dialog', { member: '7' }]]);
  });
});
