import { SegmentedRadioGroup, TextArea } from '@gravity-ui/uikit';
import { t } from './i18n';

/** One flagged risk direction as the school answers it. */
export interface DiagnosisAnswer {
  directionId: string;
  title: string;
  confirmed: boolean | null;
  justification: string;
  measures: string;
}

/** What is missing, per row, before the self-diagnosis may be sent (the workflow checks the same again). */
export function diagnosisProblems(rows: DiagnosisAnswer[]): Map<string, string> {
  const problems = new Map<string, string>();
  for (const row of rows) {
    if (row.confirmed === null) problems.set(row.directionId, t.answerConfirmed);
    else if (!row.justification.trim()) problems.set(row.directionId, t.answerJustification);
    else if (row.confirmed && !row.measures.trim()) problems.set(row.directionId, t.answerMeasures);
  }
  return problems;
}

/**
 * The self-diagnosis table: one row per flagged direction — confirmed or not, a short justification,
 * the planned measures. On a phone each row becomes a card.
 */
export function SelfDiagnosisForm({
  rows,
  onChange,
  readOnly,
  showProblems,
}: {
  rows: DiagnosisAnswer[];
  onChange?: (rows: DiagnosisAnswer[]) => void;
  readOnly?: boolean;
  showProblems?: boolean;
}) {
  const problems = showProblems ? diagnosisProblems(rows) : new Map<string, string>();
  const update = (i: number, patch: Partial<DiagnosisAnswer>) =>
    onChange?.(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <table className="diagnosis" data-testid="self-diagnosis">
      <thead>
        <tr>
          <th scope="col">{t.direction}</th>
          <th scope="col">{t.confirmed}</th>
          <th scope="col">{t.justification}</th>
          <th scope="col">{t.measures}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const problem = problems.get(row.directionId);
          return (
            <tr key={row.directionId} className={problem ? 'diagnosis__row_invalid' : undefined}>
              <th scope="row" className="diagnosis__title">
                {row.title}
                {problem && (
                  <div className="diagnosis__problem" role="alert">
                    {problem}
                  </div>
                )}
              </th>
              <td data-label={t.confirmed}>
                {readOnly ? (
                  row.confirmed === null ? (
                    '—'
                  ) : row.confirmed ? (
                    t.yes
                  ) : (
                    t.no
                  )
                ) : (
                  <SegmentedRadioGroup
                    name={`confirmed-${row.directionId}`}
                    aria-label={`${t.confirmed}: ${row.title}`}
                    value={row.confirmed === null ? '' : row.confirmed ? 'yes' : 'no'}
                    onUpdate={(v) => update(i, { confirmed: v === 'yes' })}
                    options={[
                      { value: 'yes', content: t.yes },
                      { value: 'no', content: t.no },
                    ]}
                  />
                )}
              </td>
              <td data-label={t.justification}>
                {readOnly ? (
                  <span className="cell-text">{row.justification || '—'}</span>
                ) : (
                  <TextArea
                    minRows={2}
                    maxRows={8}
                    controlProps={{ 'aria-label': `${t.justification}: ${row.title}`, maxLength: 2000 }}
                    value={row.justification}
                    onUpdate={(v) => update(i, { justification: v })}
                  />
                )}
              </td>
              <td data-label={t.measures}>
                {readOnly ? (
                  <span className="cell-text">{row.measures || '—'}</span>
                ) : (
                  <TextArea
                    minRows={2}
                    maxRows={8}
                    controlProps={{ 'aria-label': `${t.measures}: ${row.title}`, maxLength: 4000 }}
                    value={row.measures}
                    placeholder={row.confirmed === false ? t.measuresOptional : undefined}
                    onUpdate={(v) => update(i, { measures: v })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
