import { Body1 } from '@fluentui/react-components';
import { GuestDirectoryError } from '@/services/graph/graph-errors';
import { useProgramme } from '@/context/programme-context';

/**
 * What a card that needs the organisation says when it will not come: a guest (who may not list
 * the organisation), a failed or a stopped load. Nothing while it is loading or loaded, so the
 * card's own content or spinner shows; never a spinner that waits for a load that ended.
 */
export function DirectoryUnavailable() {
  const { directory } = useProgramme();
  if (directory?.status === 'failed') {
    return (
      <Body1 role="status">
        {directory.error instanceof GuestDirectoryError
          ? "Guests can't take part in the programme here. If you should, ask your programme owner."
          : 'This needs your organisation, which could not be loaded: see “Your organisation”.'}
      </Body1>
    );
  }
  if (directory?.status === 'cancelled') {
    return <Body1 role="status">This needs your organisation: continue loading it under “Your organisation”.</Body1>;
  }
  return null;
}

/** Whether {@link DirectoryUnavailable} has something to say. */
export function useDirectoryUnavailable(): boolean {
  const { directory } = useProgramme();
  return directory?.status === 'failed' || directory?.status === 'cancelled';
}
