import { Button, RadioGroup, Select, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { CATEGORY_TITLES } from '../../../lib/words';
import { m } from './manage.i18n';
import { useDirectoryMunicipalities, useDirectoryPeople, useDirectorySchools } from '../../../lib/use-directory';

type Category = Schemas['AddSchoolDto']['category'];
const CATEGORIES: Category[] = ['shnor', 'risk_zone', 'shnsu', 'other'];

/**
 * A school joins the running cycle (POST /api/cycles/:id/schools): a directory school or a new one,
 * its category and, optionally, its curator from the directory. Its workflow starts at once; the list
 * shows it once the workflow reports.
 */
export function AddSchool({
  cycleId,
  cycleMunicipality,
  onClose,
}: {
  cycleId: string;
  cycleMunicipality: string | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'directory' | 'new'>('directory');
  const [directoryId, setDirectoryId] = useState('');
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState(cycleMunicipality ?? '');
  const [category, setCategory] = useState<Category>('shnor');
  const [curatorId, setCuratorId] = useState('');
  const [added, setAdded] = useState<Schemas['AddedSchoolView'] | null>(null);
  const schools = useDirectorySchools();
  const municipalities = useDirectoryMunicipalities();
  const { people, options: personOptions } = useDirectoryPeople();

  const chosen = schools.data?.find((s) => s.id === directoryId);
  const curator = people.data?.find((p) => p.id === curatorId);
  const schoolName = source === 'directory' ? (chosen?.fullName ?? '') : name.trim();
  const schoolMunicipality =
    source === 'directory'
      ? (municipalities.data?.find((x) => x.id === chosen?.municipalityId)?.name ?? cycleMunicipality ?? undefined)
      : municipality.trim() || undefined;
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/cycles/{id}/schools', {
          params: { path: { id: cycleId } },
          body: {
            name: schoolName,
            category,
            municipality: schoolMunicipality,
            curators: curator
              ? [{ name: curator.fullName, position: curator.position ?? undefined, email: curator.email ?? undefined }]
              : undefined,
          },
        }),
      ),
    onSuccess: (school) => {
      setAdded(school);
      setName('');
      setDirectoryId('');
      setCuratorId('');
      void queryClient.invalidateQueries({ queryKey: ['cycle', cycleId] });
      void queryClient.invalidateQueries({ queryKey: ['cycle-schools', cycleId] });
    },
  });

  return (
    <section className="panel" aria-labelledby="add-school-title" data-testid="add-school">
      <h2 id="add-school-title" className="g-text g-text_variant_subheader-3">
        {m.addTitle}
      </h2>
      <RadioGroup
        value={source}
        onUpdate={(v) => setSource(v as 'directory' | 'new')}
        options={[
          { value: 'directory', content: m.fromDirectory },
          { value: 'new', content: m.newSchool },
        ]}
      />
      <div className="form-grid">
        {source === 'directory' ? (
          <div className="field">
            <label>{m.directorySchool}</label>
            <Select
              aria-label={m.directorySchool}
              placeholder={m.directorySchool}
              filterable
              width="max"
              loading={schools.isPending}
              options={(schools.data ?? [])
                .filter((s) => s.active)
                .map((s) => ({ value: s.id, content: s.shortName ? `${s.fullName} (${s.shortName})` : s.fullName }))}
              value={directoryId ? [directoryId] : []}
              onUpdate={([v]) => setDirectoryId(v ?? '')}
            />
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="add-school-name">{m.schoolName}</label>
              <TextInput id="add-school-name" value={name} onUpdate={setName} />
            </div>
            <div className="field">
              <label htmlFor="add-school-municipality">{m.municipality}</label>
              <TextInput id="add-school-municipality" value={municipality} onUpdate={setMunicipality} />
            </div>
          </>
        )}
        <div className="field">
          <label>{m.category}</label>
          <Select
            aria-label={m.category}
            options={CATEGORIES.map((c) => ({ value: c, content: CATEGORY_TITLES[c] ?? c }))}
            value={[category]}
            onUpdate={([v]) => setCategory((v as Category) ?? 'shnor')}
          />
        </div>
        <div className="field">
          <label>{m.curator}</label>
          <Select
            aria-label={m.curator}
            placeholder={m.noCurator}
            filterable
            hasClear
            width="max"
            loading={people.isPending}
            options={personOptions}
            value={curatorId ? [curatorId] : []}
            onUpdate={([v]) => setCuratorId(v ?? '')}
          />
        </div>
      </div>
      <InlineError error={schools.error ?? people.error ?? add.error} title={m.failed} />
      {added && (
        <p role="status" data-testid="add-school-result">
          {added.started ? m.added(added.name) : m.notStarted}
        </p>
      )}
      <div className="actions">
        <Button view="action" disabled={!schoolName} loading={add.isPending} onClick={() => add.mutate()}>
          {m.add}
        </Button>
        <Button view="flat" onClick={onClose}>
          {m.close}
        </Button>
      </div>
    </section>
  );
}
