import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { makeStyles } from '@material-ui/core/styles';

const windows = ['5m', '15m', '1h', '6h', '24h'];

// `5M` would read as five months.
const useStyles = makeStyles({ button: { textTransform: 'none' } });

/**
 * Props of {@link MetricsWindowSelector}.
 *
 * @internal
 */
export interface MetricsWindowSelectorProps {
  /** The selected window, e.g. `1h`. */
  value: string;
  onChange: (window: string) => void;
  disabled?: boolean;
}

/**
 * Buttons choosing the metrics window: 5m, 15m, 1h, 6h or 24h. The selected
 * one is pressed.
 *
 * @internal
 */
export function MetricsWindowSelector(props: MetricsWindowSelectorProps) {
  const { value, onChange, disabled } = props;
  const classes = useStyles();
  return (
    <ButtonGroup
      size="small"
      color="primary"
      role="group"
      aria-label="Metrics window"
      disabled={disabled}
    >
      {windows.map(option => (
        <Button
          key={option}
          className={classes.button}
          variant={option === value ? 'contained' : 'outlined'}
          aria-pressed={option === value}
          onClick={() => option !== value && onChange(option)}
        >
          {option}
        </Button>
      ))}
    </ButtonGroup>
  );
}
