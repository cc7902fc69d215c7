// axe-core accessibility checks for real-browser tests.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Violations on the page (or inside `include`), one line each: `rule: targets`. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // WCAG 2.1 A/AA plus axe's best practices.
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
