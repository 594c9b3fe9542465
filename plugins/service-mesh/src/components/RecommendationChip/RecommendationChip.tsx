import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { filledChip } from '../../utils/readableColours';
import type { Recommendation } from '@meshlens/plugin-service-mesh-common';
import { recommendationLabel } from '../../utils/recommendationLabel';

const useStyles = makeStyles(theme => ({
  prepare: filledChip(theme.palette.warning.main),
  'already-meshed': filledChip(theme.palette.success.main),
}));

/**
 * Props of {@link RecommendationChip}.
 *
 * @internal
 */
export interface RecommendationChipProps {
  /** Adoption recommendation of an entity. */
  recommendation: Recommendation;
  /** Chip size; `medium` by default. */
  size?: 'small' | 'medium';
}

/**
 * A colored chip naming an adoption recommendation: `Adopt now` in the
 * primary color, `Prepare` in warning, `Not yet` plain and `Already meshed`
 * in success.
 *
 * @internal
 */
export function RecommendationChip(props: RecommendationChipProps) {
  const { recommendation, size = 'medium' } = props;
  const classes = useStyles();
  const className = (classes as Record<string, string | undefined>)[
    recommendation
  ];
  return (
    <Chip
      size={size}
      label={recommendationLabel(recommendation)}
      color={recommendation === 'adopt-now' ? 'primary' : 'default'}
      className={className}
      data-testid="recommendation"
    />
  );
}
