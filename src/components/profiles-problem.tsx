import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useProgramme } from '@/context/programme-context';
import { GraphPermissionError } from '@/services/graph/graph-errors';

/**
 * What went wrong reading everyone's profiles, in words a person can act on: a missing permission
 * keeps its own message (it names the permission and who grants it); Graph's and the network's own
 * words never show.
 */
export function describeProfilesFailure(error: Error | undefined): string {
  if (error instanceof GraphPermissionError) return `Could not read who has opted in. ${error.message}`;
  return 'Could not read who has opted in just now. Check your connection, then try again.';
}

/** When everyone's profiles could not be read: says why and offers to try again. */
export function ProfilesProblem() {
  const { profiles, reloadProfiles } = useProgramme();
  if (profiles.status !== 'failed') return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{describeProfilesFailure(profiles.error)}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={reloadProfiles}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
