import { Avatar, Body1, Button, Card, CardHeader, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { DEMO_PEOPLE, type DemoPerson } from '@/demo/demo-people';

const useStyles = makeStyles({
  page: {
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '640px',
  },
  people: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' },
});

/** In demo mode outside the dev host: choose who you are in the demo tenant. */
export function DemoSignIn({ onChoose }: { onChoose: (person: DemoPerson) => void }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title2 as="h1">Choose who you are</Title2>
      <Body1>This is the demo tenant: nobody signs in, and nothing leaves your browser. Pick a person to see the app as they would.</Body1>
      <div className={styles.people} role="list">
        {DEMO_PEOPLE.map((person) => (
          <Card key={person.id} role="listitem">
            <CardHeader
              image={<Avatar name={person.displayName} color="colorful" />}
              header={<Text weight="semibold">{person.displayName}</Text>}
              description={`${person.jobTitle} · ${person.role}`}
              action={
                <Button appearance="primary" onClick={() => onChoose(person)} aria-label={`Continue as ${person.displayName}`}>
                  Continue
                </Button>
              }
            />
          </Card>
        ))}
      </div>
    </main>
  );
}
