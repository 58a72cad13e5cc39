import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useProgramme } from '@/context/programme-context';

/** When everyone's profiles could not be read: says why and offers to try again. */
export function ProfilesProblem() {
  const { profiles, reloadProfiles } = useProgramme();
  if (profiles.status !== 'failed') return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>Could not read who has opted in: {profiles.error?.message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={reloadProfiles}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
