import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import { PersonAvatar } from './person-avatar';

const useStyles = makeStyles({
  line: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  text: { display: 'flex', flexDirection: 'column' },
});

/** Photo (initials while it loads and when there is none), name, role, department and place, and the person's local time when known. */
export function PersonLine(props: { person: DirectoryPerson | undefined; fallbackName: string; timeZone?: string | undefined; locale: string }) {
  const styles = useStyles();
  const { person } = props;
  const name = person?.displayName ?? props.fallbackName;
  const place = person?.officeLocation ?? person?.city ?? person?.country;
  const localTime = props.timeZone ? new Intl.DateTimeFormat(props.locale, { timeStyle: 'short', timeZone: props.timeZone }).format(new Date()) : undefined;
  return (
    <div className={styles.line}>
      <PersonAvatar id={person?.id} name={name} />
      <div className={styles.text}>
        <Text weight="semibold">{name}</Text>
        <Caption1>{[person?.jobTitle, person?.department].filter(Boolean).join(' · ')}</Caption1>
        {(place || localTime) && <Caption1>{[place, localTime && `${localTime} there`].filter(Boolean).join(' · ')}</Caption1>}
      </div>
    </div>
  );
}
