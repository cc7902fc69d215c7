import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteDisabled, isSiteListed } from './settings.ts';

describe('isSiteDisabled', () => {
  it('is off where the user or the organisation turned it off, subdomains included', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    expect(isSiteDisabled(settings, 'https://www.news.example/a')).toBe(true);
    expect(isSiteDisabled(settings, 'https://mail.corp.example/')).toBe(false);
    expect(isSiteDisabled(settings, 'https://mail.corp.example/', ['corp.example'])).toBe(true);
    expect(isSiteListed(['corp.example'], 'https://notcorp.example/')).toBe(false);
    expect(isSiteListed(['corp.example'], 'chrome://extensions')).toBe(false);
  });
});
