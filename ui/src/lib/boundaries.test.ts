// Architecture rules for the UI source, checked as plain tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = walk('src').filter((f) => /\.(svelte|ts|js)$/.test(f) && !f.endsWith('.test.ts'));

describe('UI boundaries', () => {
  it('finds the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it('only src/lib/ipc/ imports @tauri-apps/*', () => {
    const ipcDir = join('src', 'lib', 'ipc') + sep;
    const offenders = sources.filter(
      (f) => !f.startsWith(ipcDir) && /from\s+['"]@tauri-apps\/|import\(\s*['"]@tauri-apps\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('never renders raw HTML ({@html})', () => {
    const offenders = sources.filter((f) => f.endsWith('.svelte') && readFileSync(f, 'utf8').includes('{@html'));
    expect(offenders).toEqual([]);
  });

  it('uses no inline style attributes (the CSP blocks them)', () => {
    const offenders = sources.filter((f) => f.endsWith('.svelte') && /\sstyle="/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
