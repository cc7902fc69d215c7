// The one way views read their words: `t` from `@wxt-dev/i18n` (type-checked
// keys from locales/en.json), plus the UI locale's language, direction and
// Intl formatters. Language and direction come from our own `locale` and `dir`
// messages, not from getUILanguage()/@@bidi_dir: those keep saying en-US/ltr
// in headless Chromium even when it shows another locale's messages.
import { i18n, type GeneratedI18nStructure } from '#i18n';
import type { UiText, UiTextCode, UiTextParam } from '@/lib/ui-text';

export const t = i18n.t;

export type TextDir = 'ltr' | 'rtl';

/** BCP 47 tag of the locale whose messages the browser is showing (`en`, `pt-BR`, `ar`). */
export function uiLocale(): string {
  return t('locale') || 'en';
}

export function uiDir(): TextDir {
  return t('dir') === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Keeps a port, range, command or service name left to right inside a
 * right-to-left sentence (Unicode isolates; `135–139` would otherwise show as
 * `139–135`). Unchanged in left-to-right locales.
 */
export function ltr(text: string | number): string {
  return uiDir() === 'rtl' ? `\u2066${text}\u2069` : String(text);
}

/** Sets `lang` and `dir` on a page or on a shadow root's top element. */
export function applyLocale(element: HTMLElement): void {
  element.lang = uiLocale();
  element.dir = uiDir();
}

// Latin digits everywhere: counts then read like the port numbers beside them.
const intlLocale = () => `${uiLocale()}-u-nu-latn`;

// One formatter per locale and options, kept: building an Intl formatter is
// the costly part (the first one in a page loads the locale's data), and a
// card formats a number, a list or a date in every section.
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.ListFormat | Intl.DateTimeFormat>(key: string, make: (locale: string) => F): F {
  const locale = intlLocale();
  const id = `${key} ${locale}`;
  let f = formatters.get(id) as F | undefined;
  if (!f) formatters.set(id, (f = make(locale)));
  return f;
}

export function formatNumber(n: number): string {
  return formatter('number', (locale) => new Intl.NumberFormat(locale)).format(n);
}

/** "a, b and c" in the UI language. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  return formatter(`list ${type}`, (locale) => new Intl.ListFormat(locale, { type })).format(items);
}

/** A date and time (ISO input); text that is not a date is returned as given. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter('datetime', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

/** A calendar date (`2026-09-17` or an ISO time); text that is not a date is returned as given. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dayOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(dayOnly ? 'date utc' : 'date', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: dayOnly ? 'UTC' : undefined })).format(d);
}

// Every code lib/ may return is a message of locales/en.json: this line stops compiling otherwise.
const messageKey = (code: UiTextCode): keyof GeneratedI18nStructure => code;

/** A value lib/ gives: text shown as written (kept left to right), a count, words to say, or a list of them. */
export function sayValue(param: UiTextParam): string {
  if (typeof param === 'string') return ltr(param);
  if (typeof param === 'number') return formatNumber(param);
  if (Array.isArray(param)) return formatList((param as readonly UiTextParam[]).map(sayValue));
  return say(param as UiText);
}

/** Words lib/ returned (a message code and its parameters) in the UI language. */
export function say(text: UiText): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = sayValue(value);
  // The key is checked above; `t`'s per-key parameter types cannot follow a key chosen at run time.
  const translate = t as (key: string, ...args: unknown[]) => string;
  return text.count === undefined ? translate(messageKey(text.code), params) : translate(messageKey(text.code), text.count, params);
}

/** What went wrong, for the user: Porthole's own words where it has them (a PortholeError's `text`), else the error's message. */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const { text } = err as Error & { text?: UiText };
  return text ? say(text) : err.message;
}
