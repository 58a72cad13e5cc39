import { Body1, Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  topics: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const MAX_WORDS = 200;

/** The profile as the form edits it. */
export interface Draft {
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

/** Opting in or editing the profile: its code loads when someone opens it (Opt in, Edit). */
export function ProfileForm({
  draft,
  update,
  saving,
  error,
  onSave,
  onCancel,
}: {
  draft: Draft;
  update: (change: Partial<Draft>) => void;
  saving: boolean;
  error: string | undefined;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
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
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
