// Reads Porthole's message files (locales/<locale>.json, @wxt-dev/i18n's
// format) in Node: for the locale tests, the unit-test stand-in for
// browser.i18n.getMessage and the store listing script.
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';

/** Every locale Porthole ships, in the names `_locales` uses. `en` is the default and the reference. */
export type LocaleName = 'en' | 'de' | 'fr' | 'es' | 'pt_BR' | 'ja' | 'zh_CN' | 'ko' | 'ru' | 'ar';
export const LOCALES: readonly LocaleName[] = ['en', 'de', 'fr', 'es', 'pt_BR', 'ja', 'zh_CN', 'ko', 'ru', 'ar'];

// From the project root (npm scripts and vitest run there; DOM test environments give import.meta.url no file path).
export const localeFile = (locale: string): string => resolve(process.cwd(), 'locales', `${locale}.json`);

/** The messages of a locale, without the browser's predefined `@@` ones. */
export async function readLocale(locale: string): Promise<ParsedMessage[]> {
  return (await parseMessagesFile(localeFile(locale))).filter((m) => !m.key[0]?.startsWith('@@'));
}

/** What `browser.i18n.getMessage` answers for a locale, done in Node the way Chrome does it ($1…$9, $$). */
export async function messageLookup(locale: string): Promise<(key: string, substitutions?: string | string[]) => string> {
  const messages = generateChromeMessages(await readLocale(locale));
  return (key, substitutions) => {
    const message = messages[key]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
  };
}
