// The store listing of every locale: a short description the stores accept
// (Chrome: 132 characters at most) that is the manifest's own, and a long one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, messageLookup } from '../../scripts/locales.ts';

describe.each(LOCALES)('store listing %s', (locale) => {
  const listing = JSON.parse(readFileSync(resolve(process.cwd(), 'store', 'listings', `${locale}.json`), 'utf8')) as { short: string; long: string };

  it('has the manifest description as its short text, within 132 characters', async () => {
    expect(listing.short).toBe((await messageLookup(locale))('manifest_description'));
    expect([...listing.short].length).toBeLessThanOrEqual(132);
  });

  it('has a long description that names what Porthole does offline', () => {
    expect(listing.long.length).toBeGreaterThan(150);
    expect(listing.long).toContain('5432');
  });
});
