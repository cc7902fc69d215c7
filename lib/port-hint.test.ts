import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPortMentions } from './detect/index.ts';
import { FIXTURE_DIR, loadFixtures } from './detect/fixtures/load.ts';
import { createPortHint, mayMentionPorts } from './port-hint.ts';

/** Every labelled text we have: the fixtures and the held-out sets. */
function allTexts(): string[] {
  const dirs = [FIXTURE_DIR, ...['holdout', 'holdout2', 'holdout3'].map((d) => join(FIXTURE_DIR, '..', d))];
  return dirs.flatMap((dir) => (readdirSync(dir).some((f) => f.endsWith('.txt')) ? loadFixtures(dir).map((f) => f.text) : []));
}

describe('mayMentionPorts', () => {
  const texts = allTexts();

  it('never says no where the detector finds a mention (every labelled case)', () => {
    expect(texts.length).toBeGreaterThan(1500);
    const missed = texts.filter((t) => findPortMentions(t).length > 0 && !mayMentionPorts(t));
    expect(missed).toEqual([]);
  });

  it('says no to text with nothing port-shaped', () => {
    for (const t of ['Lorem ipsum dolor sit amet', 'Buy now for 19.99 USD', 'Founded in 1998, we have 250 staff.', 'Call 555 0100 today', '']) {
      expect(mayMentionPorts(t), t).toBe(false);
    }
  });

  it('sees a mention split over pieces of text', () => {
    const hint = createPortHint();
    expect(hint.add('connect to localhost')).toBe(false);
    expect(hint.add(':')).toBe(false);
    expect(hint.add('8080 now')).toBe(true);
    expect(hint.found).toBe(true);
  });
});
