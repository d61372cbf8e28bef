import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { IpcError, appInfo, toIpcError } from './index';

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
});
