import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { DirectoryUnavailable, useDirectoryUnavailable } from '@/components/directory-unavailable';
import { ProfilesProblem } from '@/components/profiles-problem';
import { readingProgress } from '@/components/reading-progress';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';
import type { Draft } from './profile-form';
import { useMyProfile } from './use-my-profile';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The form (checkboxes, radios, text areas) shows only after Opt in or Edit: so does its code. */
const ProfileForm = lazy(() => import('./profile-form').then((m) => ({ default: m.ProfileForm })));
const label = (id: string) => TOPIC_CATALOGUE.find((t) => t.id === id)?.label ?? id;

/** Opt in as a reverse mentor, a mentee or both; say what you can teach and want to learn. */
export function ProfileCard() {
  const styles = useStyles();
  const { user, host } = useServices();
  const { me, profiles, people, save: saveChoices, optOut, reportFailure } = useMyProfile();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const unavailable = useDirectoryUnavailable();

  if (unavailable && profiles.status === 'waiting') {
    return (
      <SectionCard title="Your profile">
        <DirectoryUnavailable />
      </SectionCard>
    );
  }
  if (profiles.status === 'failed') {
    return (
      <SectionCard title="Your profile">
        <ProfilesProblem />
      </SectionCard>
    );
  }
  if (profiles.status === 'waiting' || profiles.status === 'loading') {
    return (
      <SectionCard title="Your profile">
        <Spinner size="tiny" label={readingProgress('Reading who has opted in', profiles, host.context.locale)} />
      </SectionCard>
    );
  }

  const startEditing = () => {
    const preferred = people.get(user.id)?.preferredLanguage?.split('-')[0];
    setError(undefined);
    setDraft({
      mentor: Boolean(me?.mentor),
      capacity: String(me?.mentor?.capacity ?? 1),
      canTeach: [...(me?.mentor?.canTeach ?? [])],
      teach: me?.teachInOwnWords ?? '',
      mentee: Boolean(me?.mentee),
      wantsToLearn: [...(me?.mentee?.wantsToLearn ?? [])],
      learn: me?.learnInOwnWords ?? '',
      languages: (me?.languages ?? [...new Set(['en', ...(preferred ? [preferred] : [])])]).join(', '),
    });
  };

  const save = async (d: Draft) => {
    setSaving(true);
    setError(undefined);
    try {
      const languages = d.languages
        .split(/[,\s]+/)
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean);
      await saveChoices({
        ...(d.mentor ? { mentor: { capacity: Number(d.capacity), canTeach: d.canTeach }, teachInOwnWords: d.teach } : {}),
        ...(d.mentee ? { mentee: { wantsToLearn: d.wantsToLearn }, learnInOwnWords: d.learn } : {}),
        languages,
      });
      setDraft(undefined);
    } catch (caught) {
      setError(await reportFailure(caught, 'Could not save your profile'));
    } finally {
      setSaving(false);
    }
  };

  if (draft) {
    const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
    return (
      <SectionCard title="Your profile">
        <Suspense fallback={null}>
          <ProfileForm draft={draft} update={update} saving={saving} error={error} onSave={(d) => void save(d)} onCancel={() => setDraft(undefined)} />
        </Suspense>
      </SectionCard>
    );
  }

  if (!me) {
    return (
      <SectionCard title="Your profile" description="Take part as a reverse mentor, as an executive who wants one, or both.">
        <div className={styles.row}>
          <Button appearance="primary" onClick={startEditing}>
            Opt in
          </Button>
        </div>
      </SectionCard>
    );
  }
  const summary = [
    me.mentor &&
      `Reverse mentor for up to ${me.mentor.capacity} ${me.mentor.capacity === 1 ? 'executive' : 'executives'}; can teach ${me.mentor.canTeach.map(label).join(', ') || 'anything you ask'}.`,
    me.mentee && `Looking for a reverse mentor; wants to learn ${me.mentee.wantsToLearn.map(label).join(', ') || 'anything'}.`,
  ].filter(Boolean);
  return (
    <SectionCard title="Your profile">
      {summary.map((line) => (
        <Body1 key={line as string} block>
          {line}
        </Body1>
      ))}
      <Caption1>Stored with your own Microsoft 365 account. Only you can change it.</Caption1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button onClick={startEditing}>Edit</Button>
        <Button
          onClick={() => {
            setError(undefined);
            optOut().catch(async (caught: unknown) => setError(await reportFailure(caught, 'Could not opt you out')));
          }}
        >
          Opt out
        </Button>
      </div>
    </SectionCard>
  );
}
