import { successRateClass } from './successRateClass';

// The thresholds are the Linkerd viz dashboard's: linkerd2 web/app/js/components/util/MetricUtils.jsx,
// getSuccessRateClassification: `rate < 0.9` poor, `rate < 0.95` warning, else good; null is default.
describe('successRateClass', () => {
  it('classifies as Linkerd viz does', () => {
    expect(successRateClass(0.899)).toBe('poor');
    expect(successRateClass(0.9)).toBe('warning');
    expect(successRateClass(0.949)).toBe('warning');
    expect(successRateClass(0.95)).toBe('good');
    expect(successRateClass(1)).toBe('good');
  });

  it('has no class without requests', () => {
    expect(successRateClass(undefined)).toBe('unknown');
    expect(successRateClass(null)).toBe('unknown');
    expect(successRateClass(Number.NaN)).toBe('unknown');
  });
});
