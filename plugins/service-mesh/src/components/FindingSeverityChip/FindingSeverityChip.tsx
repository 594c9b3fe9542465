import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import type { FindingSeverity } from '@meshlens/plugin-service-mesh-common';
import { readableOnPaper } from '../../utils/readableColours';

const icons = {
  error: ErrorOutline,
  warning: ReportProblemOutlined,
  info: InfoOutlined,
};

const outlined = (theme: Theme, color: string) => {
  const readable = readableOnPaper(theme, color);
  return { color: readable, borderColor: readable };
};

const useStyles = makeStyles(theme => ({
  error: outlined(theme, theme.palette.error.main),
  warning: outlined(theme, theme.palette.warning.main),
  info: outlined(theme, theme.palette.info.main),
}));

/**
 * Props of {@link FindingSeverityChip}.
 *
 * @internal
 */
export interface FindingSeverityChipProps {
  /** Severity of a finding. */
  severity: FindingSeverity;
}

/**
 * An outlined chip with an icon naming the severity of a finding.
 *
 * @internal
 */
export function FindingSeverityChip(props: FindingSeverityChipProps) {
  const { severity } = props;
  const classes = useStyles();
  const Icon = icons[severity] ?? InfoOutlined;
  const className = (classes as Record<string, string | undefined>)[severity];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon className={className} />}
      label={severity}
      className={className}
    />
  );
}
