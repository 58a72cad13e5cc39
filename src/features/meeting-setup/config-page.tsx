import { Body1, Field, Input, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { Host, TabConfig } from '@/services/host/host';

// Plain styles, not makeStyles: the page then needs none of Griffel's style compiler (about 8 KB gzip).
const PAGE_STYLE: CSSProperties = {
  boxSizing: 'border-box',
  padding: tokens.spacingHorizontalL,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
  maxWidth: '560px',
};
const HEADING_STYLE: CSSProperties = { margin: 0 };

const MAX_TAB_NAME = 30;

/** Why a tab name cannot be used, or undefined when it can. */
export function tabNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the tab a name.';
  if (trimmed.length > MAX_TAB_NAME) return `Keep the name to ${MAX_TAB_NAME} characters or fewer.`;
  return undefined;
}

/** The tab the configuration page creates: the meeting tab of this app, named by the person. */
export function meetingTabConfig(origin: string, name: string): TabConfig {
  const url = `${origin}/meeting-tab/`;
  return { entityId: 'pair-workspace', contentUrl: url, websiteUrl: url, suggestedDisplayName: name.trim() };
}

/**
 * The configuration page Teams shows when someone adds the app to a meeting. It needs no one signed
 * in and calls no Graph API: saving only names the tab, so the host's Save button works at once.
 */
export function ConfigPage({ host }: { host: Pick<Host, 'tabConfig'> }) {
  const [name, setName] = useState('Mentoring');
  const nameRef = useRef(name);
  nameRef.current = name;
  const problem = tabNameProblem(name);
  const inputId = useId();

  useEffect(() => {
    host.tabConfig?.onSave(() => Promise.resolve(meetingTabConfig(window.location.origin, nameRef.current)));
  }, [host]);
  useEffect(() => {
    host.tabConfig?.setValid(problem === undefined);
  }, [host, problem]);

  return (
    <main style={PAGE_STYLE}>
      <Title3 as="h1" style={HEADING_STYLE}>
        Add reverse mentoring to this meeting
      </Title3>
      <Body1>
        The tab gives the pair a shared agenda in the meeting side panel, and their goals, code of conduct and notes in the meeting chat. Only the two of you can see what you write.
      </Body1>
      <Field label="Tab name" validationState={problem ? 'error' : 'none'} validationMessage={problem ?? null} hint={problem ? null : 'This is how the tab appears in the meeting.'}>
        <Input id={inputId} value={name} maxLength={60} onChange={(_, data) => setName(data.value)} />
      </Field>
      {!host.tabConfig && <Body1 role="note">Open this page from a Teams meeting (Add a tab › Reverse mentoring) to add the tab.</Body1>}
    </main>
  );
}
