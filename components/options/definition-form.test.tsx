import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, entryOfForm, formOfEntry } from './definition-form.ts';

describe('definition form', () => {
  it('turns filled fields into an entry and back', () => {
    const form = {
      ...EMPTY_FORM,
      port: '8443',
      protocols: ['tcp' as const],
      title: 'Billing admin API',
      summary: 'Admin UI of billing',
      uses: '*billing-admin: behind the VPN\nnginx',
      risk: 'high' as const,
      advice: 'VPN only',
      related: '443, 8080',
      keywords: 'billing, admin',
      references: 'https://wiki.example.com/billing',
      commonness: '2' as const,
    };
    const result = entryOfForm(form);
    expect(result).toEqual({
      entry: {
        port: 8443,
        protocols: ['tcp'],
        title: 'Billing admin API',
        summary: 'Admin UI of billing',
        uses: [{ name: 'billing-admin', primary: true, note: 'behind the VPN' }, { name: 'nginx' }],
        security: { risk: 'high', advice: 'VPN only' },
        related: [443, 8080],
        commonness: 2,
        references: ['https://wiki.example.com/billing'],
        keywords: ['billing', 'admin'],
      },
    });
    if ('entry' in result) expect(entryOfForm(formOfEntry(result.entry))).toEqual(result);
  });

  it('says what is wrong, per field', () => {
    expect(entryOfForm({ ...EMPTY_FORM, port: '70000', title: 'x', summary: 'y' })).toEqual({ errors: { port: 'Port 70000 is out of range (0–65535).' } });
    expect(entryOfForm({ ...EMPTY_FORM, port: '10', endPort: '5', title: 'x', summary: 'y' })).toEqual({ errors: { endPort: 'End port must not be below the port.' } });
    expect(entryOfForm({ ...EMPTY_FORM, port: '10', summary: 'y' })).toEqual({ errors: { title: 'This field is required.' } });
    expect(entryOfForm({ ...EMPTY_FORM, port: '10', title: 'x', summary: 'y', risk: 'high' })).toEqual({ errors: { advice: 'Say what to do about the risk.' } });
    expect(entryOfForm({ ...EMPTY_FORM, port: '10', title: 'x', summary: 'y', references: 'not a url' })).toEqual({
      errors: { references: 'Each reference must be an https:// URL or an identifier like "RFC 5321".' },
    });
    expect(entryOfForm({ ...EMPTY_FORM, port: 'x', endPort: '99999', protocols: [], related: '22, 70000', uses: '*a\n*b', advice: 'patch', title: 'x', summary: 'y' })).toEqual({
      errors: {
        port: 'Port must be a number from 0 to 65535.',
        endPort: 'End port 99999 is out of range (0–65535).',
        protocols: 'Choose at least one protocol.',
        related: 'Related port 70000 is out of range (0–65535).',
        uses: 'Mark only one use as the main one (*).',
        risk: 'Choose a risk level for the advice, or clear the advice.',
      },
    });
    expect(entryOfForm({ ...EMPTY_FORM, port: '10', title: 'x'.repeat(500), summary: 'y' })).toEqual({ errors: { title: expect.stringMatching(/^Keep it under \d+ characters\.$/) } });
  });
});
