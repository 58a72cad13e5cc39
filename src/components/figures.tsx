import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: tokens.spacingHorizontalL },
  figure: { display: 'flex', flexDirection: 'column' },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** A row of figures, each a number above what it counts, as one labelled group. */
export function Figures({ label, figures }: { label: string; figures: readonly (readonly [string, string])[] }) {
  const styles = useStyles();
  return (
    <div className={styles.figures} role="group" aria-label={label}>
      {figures.map(([name, value]) => (
        <div key={name} className={styles.figure}>
          <Text className={styles.number}>{value}</Text>
          <Caption1>{name}</Caption1>
        </div>
      ))}
    </div>
  );
}

/** Downloads `csv` as a file of this name (a spreadsheet opens it: UTF-8). */
export function downloadCsv(csv: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
