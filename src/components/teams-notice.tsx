import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useProgramme } from '@/context/programme-context';

const useStyles = makeStyles({
  line: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground3 },
});

/**
 * The one quiet line, said once per tab, when people could not be told in Teams of what the signed-in
 * person did (application/notifications/notifier.ts): what they did still happened, so it is no error.
 */
export function TeamsNotice() {
  const styles = useStyles();
  const { notice } = useProgramme();
  if (!notice) return null;
  return (
    <Caption1 className={styles.line} role="status">
      {notice}
    </Caption1>
  );
}
