import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DirectoryUnavailable, useDirectoryUnavailable } from '@/components/directory-unavailable';
import { ProfilesProblem } from '@/components/profiles-problem';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';
import { useMyProfile } from './use-my-profile';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  topics: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const MAX_WORDS = 200;
const label = (id: string) => TOPIC_CATALOGUE.find((t) => t.id === id)?.label ?? id;

interface Draft {
  mentor: boolean;
  capacity: string;
  canTeach: string[];
  teach: string;
  mentee: boolean;
  wantsToLearn: string[];
  learn: string;
  languages: string;
}

function TopicChoices(props: { legend: string; chosen: string[]; onChange: (topics: string[]) => void }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Body1>{props.legend}</Body1>
      </legend>
      <div className={styles.topics}>
        {TOPIC_CATALOGUE.map((topic) => (
          <Checkbox
            key={topic.id}
            label={topic.label}
            checked={props.chosen.includes(topic.id)}
            onChange={(_, data) => props.onChange(data.checked ? [...props.chosen, topic.id] : props.chosen.filter((t) => t !== topic.id))}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Opt in as a reverse mentor, a mentee or both; say what you can teach and want to learn. */
export function ProfileCard() {
  const styles = useStyles();
  const { user } = useServices();
  const { me, profiles, people, save: saveChoices, optOut } = useMyProfile();
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
        <Spinner size="tiny" label="Reading who has opted in…" />
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
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  if (draft) {
    const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
    return (
      <SectionCard title="Your profile">
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <Checkbox label="I would like to be a reverse mentor" checked={draft.mentor} onChange={(_, d) => update({ mentor: Boolean(d.checked) })} />
          {draft.mentor && (
            <>
              <Field label="How many executives can you take?">
                <RadioGroup layout="horizontal" value={draft.capacity} onChange={(_, d) => update({ capacity: d.value })}>
                  {['1', '2', '3'].map((n) => (
                    <Radio key={n} value={n} label={n} />
                  ))}
                </RadioGroup>
              </Field>
              <TopicChoices legend="What can you teach?" chosen={draft.canTeach} onChange={(canTeach) => update({ canTeach })} />
              <Field label="In your own words (optional)" hint={`${draft.teach.length} of ${MAX_WORDS} characters`}>
                <Textarea value={draft.teach} maxLength={MAX_WORDS} onChange={(_, d) => update({ teach: d.value })} />
              </Field>
            </>
          )}
          <Checkbox label="I would like a reverse mentor" checked={draft.mentee} onChange={(_, d) => update({ mentee: Boolean(d.checked) })} />
          {draft.mentee && (
            <>
              <TopicChoices legend="What do you want to learn?" chosen={draft.wantsToLearn} onChange={(wantsToLearn) => update({ wantsToLearn })} />
              <Field label="In your own words (optional)" hint={`${draft.learn.length} of ${MAX_WORDS} characters`}>
                <Textarea value={draft.learn} maxLength={MAX_WORDS} onChange={(_, d) => update({ learn: d.value })} />
              </Field>
            </>
          )}
          <Field label="Languages you can mentor or be mentored in" hint="Language codes, e.g. en, es, yo">
            <Input value={draft.languages} onChange={(_, d) => update({ languages: d.value })} />
          </Field>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </Button>
            <Button onClick={() => setDraft(undefined)} disabled={saving}>
              Cancel
            </Button>
          </div>
        </form>
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
            optOut().catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
          }}
        >
          Opt out
        </Button>
      </div>
    </SectionCard>
  );
}
