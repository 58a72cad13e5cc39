import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useProgramme } from '@/context/programme-context';

/**
 * The whole home when Graph refused for lack of admin consent: one message, in place of every
 * card, saying which permission and how an admin grants it (the error's own words), and one way to
 * try again once they have.
 */
export function ConsentNeeded() {
  const { blocked, retryAll } = useProgramme();
  if (!blocked) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Your admin needs to allow this app</MessageBarTitle>
        <Body1 block>{blocked.message}</Body1>
        <Body1 block>Once they have, try again: nothing you did is lost.</Body1>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={retryAll}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
