import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { DirectoryUnavailable, useDirectoryUnavailable } from '@/components/directory-unavailable';
import { ProfilesProblem } from '@/components/profiles-problem';
import { readingProgress } from '@/components/reading-progress';
import { CardActions, SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';
import type { StoredProfile } from '@/services/profile/profile-store';
import type { Draft } from './profile-form';
import { useMyProfile } from './use-my-profile';

/** The form (checkboxes, radios, text areas) shows only after Opt in or Edit: so does its code. */
const ProfileForm = lazy(() => import('./profile-form').then((m) => ({ default: m.ProfileForm })));
/** Pausing is a rarer choice than the first suggestion: its code loads after. */
const PausePanel = lazy(() => import('./pause-panel').then((m) => ({ default: m.PausePanel })));
const label = (id: string) => TOPIC_CATALOGUE.find((t) => t.id === id)?.label ?? id;

/** Opt in as a reverse mentor, a mentee or both; say what you can teach and want to learn. */
export function ProfileCard() {
  const { user, host } = useServices();
  const { me, profiles, people, now, save: saveChoices, optOut, undoOptOut, pause, reportFailure, participationProblem } = useMyProfile();
  // The profile as it was before opting out, while Undo can bring it back.
  const [optedOut, setOptedOut] = useState<StoredProfile | undefined>();
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
    // A new profile starts with the person's own language and English; the form checks them against the list.
    const own = (people.get(user.id)?.preferredLanguage ?? host.context.locale).split('-')[0]!.toLowerCase();
    setError(undefined);
    setDraft({
      mentor: Boolean(me?.mentor),
      capacity: String(me?.mentor?.capacity ?? 1),
      canTeach: [...(me?.mentor?.canTeach ?? [])],
      teach: me?.teachInOwnWords ?? '',
      mentee: Boolean(me?.mentee),
      wantsToLearn: [...(me?.mentee?.wantsToLearn ?? [])],
      learn: me?.learnInOwnWords ?? '',
      hope: me?.hopeInOwnWords ?? '',
      languages: [...(me?.languages ?? new Set([own, 'en']))],
    });
  };

  const save = async (d: Draft) => {
    if (d.languages.length === 0) {
      setError('Choose at least one language you can mentor or be mentored in.');
      return;
    }
    if (d.languages.length > 8) {
      setError('A profile holds up to 8 languages: remove some before saving.');
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      // What was not recognised stays stored until its owner removes it: it is theirs, not ours to drop.
      const languages = d.languages;
      await saveChoices({
        ...(d.mentor ? { mentor: { capacity: Number(d.capacity), canTeach: d.canTeach }, teachInOwnWords: d.teach } : {}),
        ...(d.mentee ? { mentee: { wantsToLearn: d.wantsToLearn }, learnInOwnWords: d.learn, hopeInOwnWords: d.hope } : {}),
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
          <ProfileForm locale={host.context.locale} draft={draft} update={update} saving={saving} error={error} onSave={(d) => void save(d)} onCancel={() => setDraft(undefined)} />
        </Suspense>
      </SectionCard>
    );
  }

  const problems = (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {participationProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{participationProblem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  if (!me) {
    return (
      <SectionCard title="Your profile" description="Take part as a reverse mentor, as an executive who wants one, or both.">
        {optedOut && (
          <MessageBar intent="info">
            <MessageBarBody>
              You opted out: your profile is removed.{' '}
              <Button
                size="small"
                disabled={saving}
                onClick={() => {
                  setSaving(true);
                  setError(undefined);
                  undoOptOut(optedOut)
                    .then(() => setOptedOut(undefined))
                    .catch(async (caught: unknown) => setError(await reportFailure(caught, 'Could not put your profile back')))
                    .finally(() => setSaving(false));
                }}
              >
                Undo
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
        {problems}
        <CardActions>
          <Button
            appearance="primary"
            onClick={() => {
              setOptedOut(undefined);
              startEditing();
            }}
          >
            Opt in
          </Button>
        </CardActions>
      </SectionCard>
    );
  }
  const summary = [
    me.mentor &&
      `Reverse mentor for up to ${me.mentor.capacity} ${me.mentor.capacity === 1 ? 'executive' : 'executives'}; can teach ${me.mentor.canTeach.map(label).join(', ') || 'anything you ask'}.`,
    me.mentee && `Looking for a reverse mentor; wants to learn ${me.mentee.wantsToLearn.map(label).join(', ') || 'anything'}.`,
  ].filter(Boolean);
  const actions = (
    <>
      <Button onClick={startEditing}>Edit</Button>
      <Button
        onClick={() => {
          setError(undefined);
          optOut()
            .then(setOptedOut)
            .catch(async (caught: unknown) => setError(await reportFailure(caught, 'Could not opt you out')));
        }}
      >
        Opt out
      </Button>
    </>
  );
  return (
    <SectionCard title="Your profile">
      {summary.map((line) => (
        <Body1 key={line as string} block>
          {line}
        </Body1>
      ))}
      <Caption1>Stored with your own Microsoft 365 account. Only you can change it.</Caption1>
      {problems}
      <Suspense fallback={<CardActions>{actions}</CardActions>}>
        <PausePanel pausedUntil={me.pausedUntil} now={now()} timeZone={host.context.timeZone} onPause={pause} describe={reportFailure}>
          {actions}
        </PausePanel>
      </Suspense>
    </SectionCard>
  );
}
