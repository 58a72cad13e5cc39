import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useIsProgrammeOwner } from '@/context/use-programme-owner';
import type { OrganisationSummary } from '@/application/programme/organisation';
import type { OrgIssue } from '@/domain/org/org-model';
import type { DirectorySnapshot } from '@/services/graph/directory-loader';
import { GuestDirectoryError } from '@/services/graph/graph-errors';
import { useOrganisation } from './use-organisation';

const useStyles = makeStyles({
  figure: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // A progress bar with its words below, as Fluent's Field lays it out (without loading Field).
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** Plain words for what the model repaired in the directory, grouped by kind. */
export function describeIssues(issues: readonly OrgIssue[]): string[] {
  const count = (kind: OrgIssue['kind']) => issues.filter((i) => i.kind === kind).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines: string[] = [];
  const cycles = count('cycle');
  if (cycles) lines.push(`${plural(cycles, 'reporting loop was', 'reporting loops were')} found and broken.`);
  const unknown = count('unknown-manager') + count('self-manager');
  if (unknown) lines.push(`${plural(unknown, 'person has', 'people have')} a manager the directory does not know.`);
  const duplicates = count('duplicate-id');
  if (duplicates) lines.push(`${plural(duplicates, 'record was', 'records were')} listed twice.`);
  return lines;
}

/**
 * Says so when the organisation the app can see is too small to pair anyone (a tenant of one, or
 * nobody else who is an enabled member): an empty state in words, not an empty list.
 */
export function describeSmallOrganisation(activePeople: number): string | undefined {
  if (activePeople === 0) return 'The app found nobody in your organisation who can take part yet (guests, rooms and disabled accounts are left out).';
  if (activePeople === 1) return 'You are the only person in your organisation the app can see, so there is nobody to pair with yet.';
  return undefined;
}

function Summary(props: { snapshot: DirectorySnapshot; counts: OrganisationSummary; issues: readonly OrgIssue[]; refreshing: boolean; damagedProfiles: number; owner: boolean }) {
  const { snapshot, refreshing, damagedProfiles, owner } = props;
  const styles = useStyles();
  const { host } = useServices();
  const numbers = new Intl.NumberFormat(host.context.locale);
  const summary = useMemo(() => ({ ...props.counts, notes: describeIssues(props.issues) }), [props.counts, props.issues]);
  const updated = new Intl.DateTimeFormat(host.context.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(snapshot.loadedAt));
  // What was wrong with the data is for the people who run the programme; everyone sees an organisation too small to pair in.
  const dataQuality = owner
    ? [
        ...(snapshot.skipped > 0
          ? [`${numbers.format(snapshot.skipped)} directory ${snapshot.skipped === 1 ? 'record' : 'records'} could not be read and ${snapshot.skipped === 1 ? 'was' : 'were'} left out.`]
          : []),
        ...summary.notes,
        ...(damagedProfiles > 0
          ? [
              `${numbers.format(damagedProfiles)} opt-in ${damagedProfiles === 1 ? 'profile' : 'profiles'} could not be read and ${damagedProfiles === 1 ? 'is' : 'are'} left out of matching.`,
            ]
          : []),
      ]
    : [];
  const notes = [...[describeSmallOrganisation(summary.people)].filter((note) => note !== undefined), ...dataQuality];
  return (
    <>
      <div>
        <Text className={styles.figure} as="p" data-testid="people-count">
          {numbers.format(summary.people)} {summary.people === 1 ? 'person' : 'people'}
        </Text>
        <Body1 block>
          in {numbers.format(summary.departments)} {summary.departments === 1 ? 'department' : 'departments'} and {numbers.format(summary.offices)}{' '}
          {summary.offices === 1 ? 'office' : 'offices'}
        </Body1>
      </div>
      <Caption1 role="status">{refreshing ? 'Checking for changes…' : `Up to date as of ${updated}`}</Caption1>
      {notes.length > 0 && (
        <ul className={styles.notes} aria-label="About the directory data">
          {notes.map((note) => (
            <li key={note}>
              <Caption1>{note}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const organisationSummaryPending: OrganisationSummary = { people: 0, departments: 0, offices: 0 };

/** The organisation the suggestions come from: loading progress, size, and (for programme owners) what was wrong with the data. */
export function OrganisationCard() {
  const styles = useStyles();
  const { host } = useServices();
  const numbers = new Intl.NumberFormat(host.context.locale);
  const { view, cancel, retry, summary, issues, damagedProfiles } = useOrganisation();
  const owner = useIsProgrammeOwner() === true;

  let body;
  if (!view || (view.status === 'loading' && view.progress.phase === 'counting')) {
    body = (
      <div className={styles.progress}>
        <ProgressBar aria-label="Counting the people in your organisation" />
        <Caption1>Counting the people in your organisation…</Caption1>
      </div>
    );
  } else if (view.status === 'loading') {
    const { loaded, expected } = view.progress;
    const label = `Loaded ${numbers.format(loaded)} of about ${numbers.format(expected ?? loaded)} people`;
    body = (
      <>
        <div className={styles.progress}>
          <ProgressBar {...(expected ? { value: Math.min(1, loaded / expected) } : {})} aria-label={label} />
          <Caption1>{label}</Caption1>
        </div>
        <div className={styles.row}>
          <Button onClick={cancel}>Stop</Button>
        </div>
      </>
    );
  } else if (view.status === 'cancelled') {
    body = (
      <div className={styles.row}>
        <Body1>Stopped{view.progress ? ` after ${numbers.format(view.progress.loaded)} people` : ''}. What was loaded is kept.</Body1>
        <Button appearance="primary" onClick={retry}>
          Continue
        </Button>
      </div>
    );
  } else if (view.status === 'failed' && view.error instanceof GuestDirectoryError) {
    // Trying again cannot help a guest: say what to do instead, and no retry button.
    body = (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Guests can&apos;t see the organisation here</MessageBarTitle>
          So the app cannot suggest or find reverse mentors for you. If you should take part in the programme, ask your programme owner.
        </MessageBarBody>
      </MessageBar>
    );
  } else if (view.status === 'failed') {
    body = (
      <>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {/* Graph's and the network's own words never show (a missing permission blocks the whole tab instead). */}
            Could not read your organisation just now. Check your connection, then try again.
          </MessageBarBody>
        </MessageBar>
        <div className={styles.row}>
          <Button onClick={retry}>Try again</Button>
        </div>
      </>
    );
  } else {
    body = <Summary snapshot={view.snapshot} counts={summary ?? organisationSummaryPending} issues={issues} refreshing={view.refreshing} damagedProfiles={damagedProfiles} owner={owner} />;
  }
  return <SectionCard title="Your organisation">{body}</SectionCard>;
}
