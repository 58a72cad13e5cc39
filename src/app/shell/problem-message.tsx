import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '720px',
  },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, whiteSpace: 'pre-wrap' },
});

/** A full-page, actionable message for when a surface cannot start or has crashed. */
export function ProblemMessage(props: { title: string; intro: string; lines?: readonly string[]; action?: { label: string; onClick: () => void } }) {
  const styles = useStyles();
  return (
    <main className={styles.page} role="main">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{props.title}</MessageBarTitle>
          {props.intro}
        </MessageBarBody>
      </MessageBar>
      {props.lines && props.lines.length > 0 && (
        <ul className={styles.lines}>
          {props.lines.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
      )}
      {props.action && (
        <div>
          <Button appearance="primary" onClick={props.action.onClick}>
            {props.action.label}
          </Button>
        </div>
      )}
    </main>
  );
}
