import { getContrastRatio } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { filledChip, readableOnPaper } from './readableColours';

describe('readableOnPaper', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])('reads at WCAG AA on the %s paper', (_name, theme) => {
    const paper = theme.palette.background.paper;
    for (const color of [
      theme.palette.warning.main,
      theme.palette.info.main,
      theme.palette.error.main,
    ]) {
      expect(
        getContrastRatio(readableOnPaper(theme, color), paper),
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps a colour that already reads', () => {
    expect(readableOnPaper(lightTheme, '#000000')).toBe('#000000');
  });
});

describe('filledChip', () => {
  it('picks the text that reads at WCAG AA on the chip', () => {
    // White on Material red 500 is 3.7:1, below AA.
    expect(filledChip('#f44336').color).toBe('rgba(0, 0, 0, 0.87)');
    expect(filledChip('#1f5493').color).toBe('#fff');
  });
});
