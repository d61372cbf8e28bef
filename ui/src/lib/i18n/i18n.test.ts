import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { LOCALES, SOURCES, STORAGE_KEY, i18n, t } from './i18n.svelte';

/** Message ids (not terms) a catalogue defines, as parsed by Fluent. */
function parsedIds(source: string): string[] {
  const resource = new FluentResource(source) as unknown as { body: { id: string }[] };
  return resource.body.map((m) => m.id).filter((id) => !id.startsWith('-'));
}

/** Ids that look defined in the text; a syntax error makes Fluent drop an entry silently. */
function declaredIds(source: string): string[] {
  return [...source.matchAll(/^(-?[a-zA-Z][\w-]*)\s*=/gm)]
    .map((m) => m[1] ?? '')
    .filter((id) => !id.startsWith('-'));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('Fluent catalogues', () => {
  it('vi and en define exactly the same message ids', () => {
    const vi = parsedIds(SOURCES.vi).sort();
    const en = parsedIds(SOURCES.en).sort();
    expect(en).toEqual(vi);
    expect(vi.length).toBeGreaterThan(10);
  });

  it.each(LOCALES)('%s parses without dropping any entry', (locale) => {
    expect(parsedIds(SOURCES[locale]).sort()).toEqual(declaredIds(SOURCES[locale]).sort());
  });

  it('every literal id passed to t() in src/ exists in the catalogue', () => {
    const ids = new Set(parsedIds(SOURCES.vi));
    const used = walk('src')
      .filter((f) => /\.(svelte|ts)$/.test(f) && !f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-z][\w-]*)'/g)].map((m) => m[1] ?? ''));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('language state', () => {
  it('defaults to Vietnamese, switches, and remembers the choice', () => {
    expect(i18n.locale).toBe('vi');
    expect(t('nav-settings')).toBe('Cài đặt');
    i18n.setLocale('en');
    expect(t('nav-settings')).toBe('Settings');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    i18n.setLocale('vi');
    expect(t('nav-settings')).toBe('Cài đặt');
  });

  it('formats arguments without Unicode isolation marks', () => {
    const out = t('setup-error-too-long', { max: 200 });
    expect(out).toBe('Không quá 200 ký tự.');
    expect(out).not.toMatch(/[\u2068\u2069]/);
  });

  it('shows a missing id as itself rather than an empty string', () => {
    expect(t('no-such-message')).toBe('no-such-message');
  });
});
