/**
 * Fluent catalogues (`/i18n/*.ftl` at the repo root, shared with the Rust exports) and the
 * current language. Vietnamese is the default; the choice is kept in localStorage.
 */
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import enSource from '$i18n/en.ftl?raw';
import viSource from '$i18n/vi.ftl?raw';

/** Languages the app ships, default first. */
export const LOCALES = ['vi', 'en'] as const;
/** One of `LOCALES`. */
export type Locale = (typeof LOCALES)[number];

/** Raw catalogue text per language (exported for tests). */
export const SOURCES: Record<Locale, string> = { vi: viSource, en: enSource };

/** localStorage key for the chosen language. */
export const STORAGE_KEY = 'minutebook.locale';

const BCP47: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

function makeBundle(locale: Locale): FluentBundle {
  // No U+2068/U+2069 isolation marks: they would show up in copied text and in PDFs.
  const bundle = new FluentBundle(BCP47[locale], { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[locale]));
  if (errors.length > 0) {
    throw new Error(`i18n/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
  }
  return bundle;
}

const bundles: Record<Locale, FluentBundle> = { vi: makeBundle('vi'), en: makeBundle('en') };

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

/** Reactive language state. Reading `t()` inside a template re-renders it on a switch. */
class I18n {
  locale = $state<Locale>(storedLocale());

  /** Formats message `id`; shows the id itself if it is missing so gaps are visible, not silent. */
  t(id: string, args?: Record<string, FluentVariable>): string {
    const bundle = bundles[this.locale];
    const message = bundle.getMessage(id);
    if (!message?.value) return id;
    return bundle.formatPattern(message.value, args);
  }

  /** Switches language and remembers it. */
  setLocale(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage can be unavailable; the switch still applies for this session.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

/** The app-wide language state. */
export const i18n = new I18n();

/** Shorthand for `i18n.t`. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  return i18n.t(id, args);
}
