import { Button, Label, Table } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { FileInput } from '../../../components/FileInput';
import { InlineError } from '../../../components/PageState';
import { m } from './manage.i18n';

type Preview = Schemas['RiskProfileImportPreview'];
type Result = Schemas['RiskProfileImportResult'];

const STATUS_THEME = { apply: 'info', unchanged: 'success', refused: 'warning' } as const;

/**
 * The schools' risk profiles from a table: a preview that stores nothing and names each bad row and
 * value, then one click that sends each school's profile to its workflow.
 */
export function RiskProfileImport({ cycleId }: { cycleId: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const check = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (file) form.append('file', file);
      return unwrap(
        api.POST('/api/cycles/{id}/risk-profiles/import', {
          params: { path: { id: cycleId } },
          body: {} as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: (p) => {
      setPreview(p);
      setResult(null);
    },
  });
  const toApply = preview?.rows.filter((r) => r.status === 'apply') ?? [];
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/cycles/{id}/risk-profiles/import/confirm', {
          params: { path: { id: cycleId } },
          body: { profiles: toApply.map((r) => ({ schoolId: r.schoolId, flaggedDirections: r.flaggedDirections })) },
        }),
      ),
    onSuccess: (r) => {
      setResult(r);
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: ['cycle', cycleId] });
      void queryClient.invalidateQueries({ queryKey: ['cycle-schools', cycleId] });
    },
  });
  const titles = new Map((preview?.directions ?? []).map((d) => [d.id, d.title]));

  return (
    <section className="panel" aria-labelledby="risk-import-title" data-testid="risk-profile-import">
      <h2 id="risk-import-title" className="g-text g-text_variant_subheader-3">
        {m.riskTitle}
      </h2>
      <p className="muted">{m.riskHint}</p>
      <div className="actions">
        <FileInput
          id="risk-profile-file"
          label={m.riskFile}
          accept=".xlsx,.csv"
          file={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
          }}
        />
        <Button view="outlined-action" disabled={!file} loading={check.isPending} onClick={() => check.mutate()}>
          {m.check}
        </Button>
      </div>
      <InlineError error={check.error} title={m.failed} />
      {result && (
        <div role="status" data-testid="risk-import-result">
          <p>{m.done(result.applied, result.unchanged, result.refused)}</p>
          {result.results
            .filter((r) => r.outcome === 'refused')
            .map((r) => (
              <p key={r.schoolId} className="muted">
                «{r.schoolName}»: {r.message}
              </p>
            ))}
        </div>
      )}
      {preview && (
        <>
          {preview.rows.length === 0 ? (
            <p className="muted">{m.nothing}</p>
          ) : (
            <div className="table-wrap" data-testid="risk-import-preview">
              <Table
                data={preview.rows}
                getRowDescriptor={(r) => ({ id: r.schoolId })}
                wordWrap
                columns={[
                  { id: 'row', name: m.colRow, width: 80 },
                  { id: 'schoolName', name: m.colSchool },
                  {
                    id: 'flaggedDirections',
                    name: m.colDirections,
                    template: (r) => r.flaggedDirections.map((id) => titles.get(id) ?? id).join('; '),
                  },
                  {
                    id: 'status',
                    name: m.colStatus,
                    width: 260,
                    template: (r) => (
                      <div>
                        <Label theme={STATUS_THEME[r.status]}>{m.statuses[r.status]}</Label>
                        {r.reason && <div className="muted">{r.reason}</div>}
                      </div>
                    ),
                  },
                ]}
              />
            </div>
          )}
          {preview.problems.length > 0 && (
            <>
              <h3 className="g-text g-text_variant_subheader-2">{m.problems}</h3>
              <ul aria-label={m.problems} data-testid="risk-import-problems">
                {preview.problems.map((p) => (
                  <li key={`${p.row}:${p.column ?? ''}:${p.message}`}>
                    {p.row}
                    {p.column ? `, ${m.column} «${p.column}»` : ''}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.ignoredColumns.length > 0 && <p className="muted">{m.ignored(preview.ignoredColumns)}</p>}
          {preview.missingDirections.length > 0 && <p className="muted">{m.missing(preview.missingDirections)}</p>}
          <InlineError error={confirm.error} title={m.failed} />
          <div className="actions">
            <Button
              view="action"
              disabled={toApply.length === 0}
              loading={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              {m.confirm(toApply.length)}
            </Button>
            <Button view="flat" onClick={() => setPreview(null)}>
              {m.cancel}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
