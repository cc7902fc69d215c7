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
  });
});
