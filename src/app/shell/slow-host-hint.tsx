import { Body1, Button } from '@fluentui/react-components';

/** What the connecting screen adds when the host is slow to answer. */
export function SlowHostHint() {
  return (
    <>
      <Body1>This is taking longer than usual. The app is waiting for Teams or Outlook to answer.</Body1>
      <Button onClick={() => window.location.reload()}>Reload</Button>
    </>
  );
}
