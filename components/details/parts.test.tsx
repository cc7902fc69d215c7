// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { IanaReference, Reference, referenceHref } from './parts';

describe('references', () => {
  it('links https URLs, CVE ids and RFCs only', () => {
    expect(referenceHref('https://learn.microsoft.com/x')).toBe('https://learn.microsoft.com/x');
    expect(referenceHref('CVE-2017-0144')).toBe('https://www.cve.org/CVERecord?id=CVE-2017-0144');
    expect(referenceHref('[RFC4251]')).toBe('https://www.rfc-editor.org/rfc/rfc4251');
    expect(referenceHref('http://example.com/')).toBeNull();
    expect(referenceHref('javascript:alert(1)')).toBeNull();
    expect(referenceHref('MS17-010')).toBeNull();
  });

  it('renders the others as text', () => {
    const { container } = render(
      <p>
        <Reference value="javascript:alert(1)" />
        <IanaReference value="[RFC4251][Tatu_Ylonen]" />
      </p>,
    );
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://www.rfc-editor.org/rfc/rfc4251']);
    expect(container.textContent).toContain('javascript:alert(1)');
    expect(container.textContent).toContain('Tatu_Ylonen');
  });
});
