import {
  darken,
  getContrastRatio,
  lighten,
  Theme,
} from '@material-ui/core/styles';

/** WCAG AA for normal text. */
const minimumContrast = 4.5;

/**
 * `color` as text or outline on the theme's paper: darkened on a light
 * theme, lightened on a dark one, until it reads at WCAG AA.
 *
 * @internal
 */
export function readableOnPaper(theme: Theme, color: string): string {
  const paper = theme.palette.background.paper;
  const shift = theme.palette.type === 'dark' ? lighten : darken;
  let result = color;
  for (
    let step = 1;
    step <= 8 && getContrastRatio(result, paper) < minimumContrast;
    step++
  ) {
    result = shift(color, step * 0.1);
  }
  return result;
}

/**
 * A filled chip's background and text: white text when it reads at WCAG AA
 * on `color`, else near-black.
 *
 * @internal
 */
export function filledChip(color: string): {
  backgroundColor: string;
  color: string;
} {
  const text =
    getContrastRatio(color, '#fff') >= minimumContrast
      ? '#fff'
      : 'rgba(0, 0, 0, 0.87)';
  return { backgroundColor: color, color: text };
}
