import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import type { FindingSeverity } from '@meshlens/plugin-service-mesh-common';

const icons = {
  error: ErrorOutline,
  warning: ReportProblemOutlined,
  info: InfoOutlined,
};

const useStyles = makeStyles(theme => ({
  error: {
    color: theme.palette.error.main,
    borderColor: theme.palette.error.main,
  },
  warning: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
  info: {
    color: theme.palette.info.main,
    borderColor: theme.palette.info.main,
  },
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
