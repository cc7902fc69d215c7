// Which real-documentation splits exist, and which may be shown with the detector's output.
import { describe, expect, it } from 'vitest';
import { SPLITS_SHOWN_WITH_HITS, realdocsSplit, realdocsSplits } from './realdocs-splits.ts';

describe('realdocs splits', () => {
  it('finds every split by its labels file, fresh3 among them', () => {
    expect(realdocsSplits()).toEqual(expect.arrayContaining(['dev', 'holdout', 'fresh', 'fresh2', 'fresh3']));
    expect(realdocsSplit('fresh3')).toBe('fresh3');
  });

  it('refuses names without a labels file and names that are not plain words', () => {
    expect(realdocsSplit('fresh9')).toBeUndefined();
    expect(realdocsSplit('../fresh3')).toBeUndefined();
    expect(realdocsSplit(undefined)).toBeUndefined();
  });

  it('shows the detector’s output only on the development splits, never on a held-out one', () => {
    for (const seen of ['dev', 'fresh', 'fresh2', 'fresh3']) expect(SPLITS_SHOWN_WITH_HITS).toContain(seen);
    expect(SPLITS_SHOWN_WITH_HITS).not.toContain('holdout');
  });
});
