import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMEND_SETTINGS, resolveRecommendSettings } from './settings.js';

describe('recommendation settings', () => {
  it('fills what is left out with the defaults, section by section', () => {
    expect(resolveRecommendSettings()).toEqual(DEFAULT_RECOMMEND_SETTINGS);
    const s = resolveRecommendSettings({ minConfidence: 0.3, upsell: { minPeers: 8 } });
    expect(s.minConfidence).toBe(0.3);
    expect(s.upsell).toEqual({ belowShare: DEFAULT_RECOMMEND_SETTINGS.upsell.belowShare, minPeers: 8 });
  });

  it('refuses settings no rule can apply, naming the field', () => {
    expect(() => resolveRecommendSettings({ minSupport: 1.5 })).toThrow(expect.objectContaining({ code: 'invalid', field: 'minSupport' }));
    expect(() => resolveRecommendSettings({ maxBasketSize: 1 })).toThrow(expect.objectContaining({ field: 'maxBasketSize' }));
    expect(() => resolveRecommendSettings({ neighbours: 2.5 })).toThrow(expect.objectContaining({ field: 'neighbours' }));
    expect(() => resolveRecommendSettings({ upsell: { belowShare: 0 } })).toThrow(/upsell\.belowShare must be a share from above 0 to 1/);
    expect(() => resolveRecommendSettings({ upsell: { minPeers: 0 } })).toThrow(expect.objectContaining({ field: 'upsell.minPeers' }));
  });
});
