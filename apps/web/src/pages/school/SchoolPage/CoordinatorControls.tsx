import { Button, Checkbox, Select, TextArea } from '@gravity-ui/uikit';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { DateInput } from '../../../components/DateInput';
import { InlineError } from '../../../components/PageState';
import { useDirectoryPeople } from '../../../lib/use-directory';
import { useSchoolAction, type SchoolYearState } from '../../../lib/use-school-year';
import { c } from './coordinator.i18n';
import './coordinator-controls.css';

/**
 * The coordinator's decisions on a running school: its risk profile (when not imported), a later due
 * date, another curator, an expert per document, withdrawal with a reason. Each goes to the school's
 * workflow as an Update.
 */
export function CoordinatorControls({
  state,
  cycleId,
  actions,
}: {
  state: SchoolYearState;
  cycleId: string;
  /** What the caller can do now (GET /api/schools/:id `actions`, the workflow's own rule). */
  actions: readonly string[];
}) {
  const may = (action: string) => actions.includes(action);
  if (!['setRiskProfile', 'extendDeadline', 'changeCurator', 'assignExpert', 'withdrawSchool'].some(may)) return null;
  return (
    <section className="panel" aria-labelledby="coordinator-title" data-testid="coordinator-controls">
      <h2 id="coordinator-title" className="g-text g-text_variant_subheader-3">
        {c.title}
      </h2>
      <div className="coordinator-controls">
        {may('setRiskProfile') && <RiskProfile state={state} cycleId={cycleId} />}
        {may('extendDeadline') && <ExtendDeadline state={state} cycleId={cycleId} />}
        {may('changeCurator') && <ChangeCurator state={state} cycleId={cycleId} />}
        {may('assignExpert') && <AssignExperts state={state} cycleId={cycleId} />}
        {may('withdrawSchool') && <Withdraw state={state} cycleId={cycleId} />}
      </div>
    </section>
  );
}

function RiskProfile({ state, cycleId }: { state: SchoolYearState; cycleId: string }) {
  const [flagged, setFlagged] = useState<string[]>(state.flaggedDirections);
  const save = useSchoolAction(state.schoolId, cycleId, () =>
    unwrap(
      api.POST('/api/schools/{id}/risk-profile', {
        params: { path: { id: state.schoolId } },
        body: { flaggedDirections: flagged },
      }),
    ),
  );
  return (
    <fieldset className="control-block" data-testid="risk-profile">
      <legend>{c.riskProfile}</legend>
      <p className="muted">{c.riskProfileHint}</p>
      {state.riskDirections.map((d) => (
        <div key={d.id}>
          <Checkbox
            checked={flagged.includes(d.id)}
            onUpdate={(on) => setFlagged(on ? [...flagged, d.id] : flagged.filter((f) => f !== d.id))}
            content={d.title}
          />
        </div>
      ))}
      <div className="actions">
        <Button
          view="action"
          disabled={flagged.length === 0}
          loading={save.isPending}
          onClick={() => save.mutate(undefined)}
        >
          {c.saveProfile}
        </Button>
      </div>
      <InlineError error={save.error} title={c.rejected} />
    </fieldset>
  );
}

function ExtendDeadline({ state, cycleId }: { state: SchoolYearState; cycleId: string }) {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const extend = useSchoolAction(state.schoolId, cycleId, () =>
    unwrap(
      api.POST('/api/schools/{id}/deadline-extension', {
        params: { path: { id: state.schoolId } },
        body: { dueAt: date, reason: reason.trim() },
      }),
    ),
  );
  return (
    <fieldset className="control-block" data-testid="extend-deadline">
      <legend>{c.extend}</legend>
      <div className="field">
        <label>{c.newDue}</label>
        <DateInput value={date} onUpdate={setDate} aria-label={c.newDue} />
      </div>
      <div className="field">
        <label htmlFor="extend-reason">{c.reason}</label>
        <TextArea id="extend-reason" minRows={2} value={reason} onUpdate={setReason} />
      </div>
      <Button
        view="outlined-action"
        disabled={!date || !reason.trim()}
        loading={extend.isPending}
        onClick={() => extend.mutate(undefined)}
      >
        {c.extendButton}
      </Button>
      {extend.isSuccess && <p role="status">{c.extended}</p>}
      <InlineError error={extend.error} title={c.rejected} />
    </fieldset>
  );
}

function ChangeCurator({ state, cycleId }: { state: SchoolYearState; cycleId: string }) {
  const { people, options } = useDirectoryPeople(state.curator?.personId);
  const [personId, setPersonId] = useState('');
  const [reason, setReason] = useState('');
  const change = useSchoolAction(state.schoolId, cycleId, () =>
    unwrap(
      api.PUT('/api/schools/{id}/curator', {
        params: { path: { id: state.schoolId } },
        body: { personId, reason: reason.trim() || null },
      }),
    ),
  );
  return (
    <fieldset className="control-block" data-testid="change-curator">
      <legend>{c.curator}</legend>
      <p className="muted">
        {c.currentCurator}: {state.curator?.name ?? c.noCurator}
      </p>
      <Select
        aria-label={c.newCurator}
        placeholder={c.newCurator}
        filterable
        width="max"
        loading={people.isPending}
        options={options}
        // Once the change is taken the chosen person is the current curator: the choice empties.
        value={personId && personId !== state.curator?.personId ? [personId] : []}
        onUpdate={([v]) => setPersonId(v ?? '')}
      />
      <TextArea minRows={1} placeholder={c.reasonOptional} value={reason} onUpdate={setReason} />
      <Button
        view="outlined-action"
        disabled={!personId || personId === state.curator?.personId}
        loading={change.isPending}
        onClick={() => change.mutate(undefined)}
      >
        {c.changeButton}
      </Button>
      <InlineError error={people.error ?? change.error} title={c.rejected} />
    </fieldset>
  );
}

/** An expert reviews a document instead of the curator (and reads the school while named). */
function AssignExperts({ state, cycleId }: { state: SchoolYearState; cycleId: string }) {
  const { people, options } = useDirectoryPeople();
  return (
    <fieldset className="control-block" data-testid="assign-experts">
      <legend>{c.experts}</legend>
      <p className="muted">{c.expertsHint}</p>
      {state.documents
        .filter((d) => d.status !== 'approved')
        .map((d) => (
          <DocumentExpert
            key={d.key}
            state={state}
            cycleId={cycleId}
            doc={d}
            options={options}
            loading={people.isPending}
          />
        ))}
      <InlineError error={people.error} title={c.rejected} />
    </fieldset>
  );
}

function DocumentExpert({
  state,
  cycleId,
  doc,
  options,
  loading,
}: {
  state: SchoolYearState;
  cycleId: string;
  doc: SchoolYearState['documents'][number];
  options: { value: string; content: string }[];
  loading: boolean;
}) {
  const [personId, setPersonId] = useState('');
  const assign = useSchoolAction(state.schoolId, cycleId, (expert: string | null) =>
    unwrap(
      api.PUT('/api/schools/{id}/documents/{key}/expert', {
        params: { path: { id: state.schoolId, key: doc.key } },
        body: { expert: expert ? { personId: expert } : null },
      }),
    ),
  );
  return (
    <div className="expert-document" data-testid={`expert-${doc.key}`}>
      <span className="expert-document__title">{doc.title}</span>
      <p className="muted">
        {c.currentExpert}: {doc.expert?.name ?? c.curatorReviews}
      </p>
      <Select
        aria-label={`${c.newExpert}: ${doc.title}`}
        placeholder={c.newExpert}
        filterable
        width="max"
        loading={loading}
        options={options.filter((o) => o.value !== doc.expert?.personId)}
        // Once taken, the chosen person is the document's expert: the choice empties.
        value={personId && personId !== doc.expert?.personId ? [personId] : []}
        onUpdate={([v]) => setPersonId(v ?? '')}
      />
      <div className="actions">
        <Button
          view="outlined-action"
          disabled={!personId || personId === doc.expert?.personId}
          loading={assign.isPending}
          onClick={() => assign.mutate(personId)}
        >
          {c.assignExpert}
        </Button>
        {doc.expert && (
          <Button view="flat" disabled={assign.isPending} onClick={() => assign.mutate(null)}>
            {c.backToCurator}
          </Button>
        )}
      </div>
      <InlineError error={assign.error} title={c.rejected} />
    </div>
  );
}

function Withdraw({ state, cycleId }: { state: SchoolYearState; cycleId: string }) {
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const withdraw = useSchoolAction(state.schoolId, cycleId, () =>
    unwrap(
      api.POST('/api/schools/{id}/withdrawal', {
        params: { path: { id: state.schoolId } },
        body: { reason: reason.trim() },
      }),
    ),
  );
  return (
    <fieldset className="control-block control-block_danger" data-testid="withdraw">
      <legend>{c.withdraw}</legend>
      <p className="muted">{c.withdrawHint}</p>
      <TextArea minRows={2} placeholder={c.reason} value={reason} onUpdate={setReason} />
      <Checkbox checked={sure} onUpdate={setSure} content={c.withdrawSure} />
      <Button
        view="outlined-danger"
        disabled={!reason.trim() || !sure}
        loading={withdraw.isPending}
        onClick={() => withdraw.mutate(undefined)}
      >
        {c.withdrawButton}
      </Button>
      <InlineError error={withdraw.error} title={c.rejected} />
    </fieldset>
  );
}
