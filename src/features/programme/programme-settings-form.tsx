import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { OWN_EVALUATION } from '@/application/programme/evaluation-statements';
import { ProgrammeSettingsError, RULE_LABELS, ruleProblems, saveProgrammeSettings, statementsOf, type ProgrammeRules, type RuleProblems } from '@/application/programme/programme-settings';
import { useServices } from '@/context/services-context';
import { RoundsFields, roundDraftOf, roundOf, type RoundDraft } from './rounds-fields';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import { CODE_OF_CONDUCT_MAX, EVALUATION_STATEMENT_MAX, EVALUATION_STATEMENTS_MAX, PROGRAMME_RANGES, type NumericRule } from '@/services/config/app-config';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  numbers: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  count: { color: tokens.colorNeutralForeground3 },
});

const NUMBERS: Readonly<Record<NumericRule, string>> = {
  levelGap: 'How many seniority levels a reverse mentor sits below the executive, at least',
  cadenceWeeks: 'How often a pair meets',
  sessionMinutes: 'How long each session is',
  durationMonths: 'How long a pairing runs',
};

/** The form's values as typed: numbers stay text until saved, so a half-typed one can be said wrong. */
type Draft = Record<NumericRule, string> & { codeOfConduct: string; evaluation: string; rounds: RoundDraft[] };

const draftOf = (rules: ProgrammeRules): Draft => ({
  levelGap: String(rules.levelGap),
  cadenceWeeks: String(rules.cadenceWeeks),
  sessionMinutes: String(rules.sessionMinutes),
  durationMonths: String(rules.durationMonths),
  codeOfConduct: rules.codeOfConduct,
  evaluation: rules.evaluation,
  rounds: rules.rounds.map(roundDraftOf),
});
const numberOf = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
const valuesOf = (draft: Draft): ProgrammeRules => ({
  levelGap: numberOf(draft.levelGap),
  cadenceWeeks: numberOf(draft.cadenceWeeks),
  sessionMinutes: numberOf(draft.sessionMinutes),
  durationMonths: numberOf(draft.durationMonths),
  codeOfConduct: draft.codeOfConduct,
  evaluation: draft.evaluation,
  rounds: draft.rounds.map(roundOf),
});
const count = new Intl.NumberFormat('en');

type Said = { readonly intent: 'success' | 'warning' | 'error'; readonly text: string };

/**
 * Programme owners: the programme's rules (level gap, rhythm, length, code of conduct), shown as in
 * effect and saved to the programme store for everyone's app (application/programme/programme-settings.ts).
 * Another owner's newer save is shown, never overwritten.
 */
export function ProgrammeSettingsForm() {
  const styles = useStyles();
  const { graph, user, config, programmeGroupId, host } = useServices();
  const settings = useProgrammeSettings();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [saving, setSaving] = useState(false);
  const [said, setSaid] = useState<Said | undefined>();
  const [refused, setRefused] = useState<RuleProblems>({});
  const headingId = useId();

  const shown = draft ?? draftOf(settings.rules);
  const problems = { ...refused, ...ruleProblems(valuesOf(shown)) };
  const changed = draft !== undefined && JSON.stringify(draft) !== JSON.stringify(draftOf(settings.rules));
  const notSetUp = settings.read?.notSetUp === true;
  const canSave = !!programmeGroupId && settings.status === 'read' && !notSetUp && changed && Object.keys(problems).length === 0 && !saving;

  const edit = <K extends keyof Draft>(rule: K, value: Draft[K]) => {
    setDraft({ ...shown, [rule]: value });
    setRefused({});
    setSaid(undefined);
  };
  const cancel = () => {
    setDraft(undefined);
    setRefused({});
    setSaid(undefined);
  };
  const save = async () => {
    if (!programmeGroupId) return;
    setSaving(true);
    setSaid(undefined);
    try {
      const saved = await saveProgrammeSettings(await graph(), { ownerGroupId: programmeGroupId, me: user.id }, valuesOf(shown), config.programme, settings.read?.entry);
      settings.adopt(saved);
      setDraft(undefined);
      setSaid({ intent: 'success', text: 'Saved. New suggestions and bookings follow these settings.' });
    } catch (error) {
      if (!(error instanceof ProgrammeSettingsError)) {
        setSaid({ intent: 'error', text: 'The programme settings could not be saved just now; nothing changed. Check your connection, then try again.' });
        return;
      }
      if (error.reason === 'changedByAnother') {
        // Another owner's values replace the draft: shown, never overwritten.
        if (error.current) settings.adopt(error.current);
        else settings.reload();
        setDraft(undefined);
      }
      if (error.problems) setRefused(error.problems);
      setSaid({ intent: error.reason === 'changedByAnother' ? 'warning' : 'error', text: error.message });
    } finally {
      setSaving(false);
    }
  };

  const packagedHint = (rule: NumericRule) => {
    const { min, max } = PROGRAMME_RANGES[rule];
    return `${NUMBERS[rule]}. ${min} to ${max}; packaged: ${config.programme[rule]}.`;
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Programme settings
      </Subtitle2>
      <Body1>
        The rules every participant’s app follows. Existing pairs keep their booked series and the code of conduct they started from; changes apply to new suggestions and bookings.
      </Body1>
      {!programmeGroupId && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Settings are kept in the programme owners’ group’s site, and no owners’ group is configured (PROGRAMME_OWNER_GROUP_ID), so the packaged values apply.
          </MessageBarBody>
        </MessageBar>
      )}
      {notSetUp && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>The programme store is not set up yet, so the packaged values apply. Set it up from the programme above, then change the settings here.</MessageBarBody>
        </MessageBar>
      )}
      {settings.status === 'failed' && settings.problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{settings.problem}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={settings.reload}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {settings.status === 'reading' && <Spinner size="tiny" label="Reading the programme settings…" />}
      <form
        className={styles.form}
        aria-label="Programme settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) void save();
        }}
      >
        <div className={styles.numbers}>
          {(Object.keys(NUMBERS) as NumericRule[]).map((rule) => (
            <Field key={rule} label={RULE_LABELS[rule]} hint={packagedHint(rule)} validationMessage={problems[rule] ?? null} validationState={problems[rule] ? 'error' : 'none'}>
              <Input
                type="number"
                inputMode="numeric"
                min={PROGRAMME_RANGES[rule].min}
                max={PROGRAMME_RANGES[rule].max}
                step={1}
                value={shown[rule]}
                onChange={(_, data) => edit(rule, data.value)}
              />
            </Field>
          ))}
        </div>
        <Field
          label={RULE_LABELS.codeOfConduct}
          hint="What each new pair starts from and edits in their first session. Empty: the app’s own."
          validationMessage={problems.codeOfConduct ?? null}
          validationState={problems.codeOfConduct ? 'error' : 'none'}
        >
          <Textarea
            resize="vertical"
            rows={5}
            maxLength={CODE_OF_CONDUCT_MAX}
            value={shown.codeOfConduct}
            onChange={(_, data) => edit('codeOfConduct', data.value.slice(0, CODE_OF_CONDUCT_MAX))}
          />
        </Field>
        <Caption1 className={styles.count} aria-live="polite">
          {count.format(shown.codeOfConduct.length)} of {count.format(CODE_OF_CONDUCT_MAX)} characters
        </Caption1>
        <Field
          label={RULE_LABELS.evaluation}
          hint={`What each person rates, from 1 (disagree) to 5 (agree), when a pairing starts and when it ends: one per line, up to ${EVALUATION_STATEMENTS_MAX}, each at most ${EVALUATION_STATEMENT_MAX} characters. Owners see the answers only as averages over five people or more. Empty: the app’s own (“${OWN_EVALUATION[0]}” …).`}
          validationMessage={problems.evaluation ?? null}
          validationState={problems.evaluation ? 'error' : 'none'}
        >
          <Textarea resize="vertical" rows={4} value={shown.evaluation} onChange={(_, data) => edit('evaluation', data.value)} />
        </Field>
        <Caption1 className={styles.count} aria-live="polite">
          {statementsOf(shown.evaluation).length} of {EVALUATION_STATEMENTS_MAX} statements; the longest {Math.max(0, ...statementsOf(shown.evaluation).map((line) => line.length))} of{' '}
          {EVALUATION_STATEMENT_MAX} characters
        </Caption1>
        <RoundsFields
          rounds={shown.rounds}
          saved={settings.rules.rounds}
          today={new Date().toISOString().slice(0, 10)}
          problem={problems.rounds}
          onChange={(rounds) => edit('rounds', rounds)}
          formatDay={(day) => (Number.isNaN(Date.parse(day)) ? day : new Intl.DateTimeFormat(host.context.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(day)))}
        />
        {said && (
          <MessageBar intent={said.intent} layout="multiline">
            <MessageBarBody>{said.text}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={!canSave}>
            {saving ? 'Saving…' : 'Save settings'}
          </Button>
          <Button type="button" disabled={!changed || saving} onClick={cancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
