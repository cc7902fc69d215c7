// The built manifests say nothing in English literals: the name, the
// description, the toolbar title and every command's description (shown on
// the browser's shortcut page) are message references that every locale of
// the build defines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../scripts/locales.ts';

const BUILDS = ['chrome-mv3', 'firefox-mv2'].map((name) => resolve(process.cwd(), '.output', name)).filter((dir) => existsSync(resolve(dir, 'manifest.json')));

interface Manifest {
  name: string;
  description: string;
  default_locale?: string;
  action?: { default_title?: string };
  browser_action?: { default_title?: string };
  commands?: Record<string, { description?: string }>;
}

const MESSAGE_REF = /^__MSG_(\w+)__$/;

describe.each(BUILDS)('%s', (dir) => {
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;
  const texts = {
    name: manifest.name,
    description: manifest.description,
    title: (manifest.action ?? manifest.browser_action)?.default_title,
    ...Object.fromEntries(Object.entries(manifest.commands ?? {}).map(([command, c]) => [`command ${command}`, c.description])),
  };

  it('defaults to English and ships every locale', () => {
    expect(manifest.default_locale).toBe('en');
    expect(readdirSync(resolve(dir, '_locales')).sort()).toEqual([...LOCALES].sort());
  });

  it('has four commands, each described', () => {
    expect(Object.keys(manifest.commands ?? {})).toHaveLength(4);
    expect(Object.values(texts).every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
  });

  it.each(LOCALES)('every text is a message reference %s defines', (locale) => {
    const messages = JSON.parse(readFileSync(resolve(dir, '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const problems = Object.entries(texts).flatMap(([where, text]) => {
      const key = MESSAGE_REF.exec(text ?? '')?.[1];
      if (!key) return [`${where}: ${JSON.stringify(text)} is not a __MSG_…__ reference`];
      return messages[key]?.message.trim() ? [] : [`${where}: ${key} missing`];
    });
    expect(problems).toEqual([]);
  });
});

it('both builds exist (npm run build and npm run build:firefox)', () => {
  expect(BUILDS).toHaveLength(2);
});
