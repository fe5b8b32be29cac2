import {
  Alert,
  Button,
  Checkbox,
  Label,
  Progress,
  SegmentedRadioGroup,
  Select,
  Table,
  TextInput,
} from '@gravity-ui/uikit';
import type { TableColumnConfig } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { DateInput } from '../../../components/DateInput';
import { ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { EscalationChainEditor } from '../../../components/escalation/EscalationChainEditor';
import { DEFAULT_CHAIN, type EscalationStep } from '../../../components/escalation/escalation-chain';
import { formatIsoRange, localIsoDate } from '../../../lib/format';
import { count } from '../../../lib/plural';
import { CATEGORY_TITLES, TIME_ZONES, YEAR_STAGES, stageTitle } from '../../../lib/words';
import { MatchChoice } from '../../../components/match/MatchChoice';
import { matchDecision, unanswered, type MatchAnswer } from '../../../components/match/match-answer';
import { t } from './i18n';
import {
  confirmedExecutors,
  datesPayload,
  mayChooseOrganisation,
  pastChoicesPayload,
  schoolYearPayload,
  schoolsFromRoadmap,
  stageDueDatesFromRoadmap,
  undatedEvents,
  undecided,
  type ExecutorChoices,
  type ExecutorMatch,
  type FuzzyAnswers,
  type PastPolicy,
  type SchoolDraft,
  type SchoolYearDraft,
  type UndatedDecision,
} from './launch-plan';
import { useDirectoryOrganisations, useDirectorySchools } from '../../../lib/use-directory';

const CATEGORY_OPTIONS = Object.entries(CATEGORY_TITLES).map(([value, content]) => ({ value, content }));

/** The value once it has stopped changing for `ms` (names are typed letter by letter). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export default function CycleLaunch() {
  const { roadmapId = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roadmap = useQuery({
    queryKey: ['roadmap', roadmapId],
    queryFn: () => unwrap(api.GET('/api/roadmaps/{id}', { params: { path: { id: roadmapId } } })),
  });
  const [title, setTitle] = useState('');
  const [municipality, setMunicipality] = useState(
    // Grants name the municipality by id; the form takes its name.
    me.grants.find((g) => g.role === 'municipal_coordinator')?.scopeLabel ?? '',
  );
  const [timezone, setTimezone] = useState('');
  const [schools, setSchools] = useState<SchoolDraft[]>([]);
  const [decisions, setDecisions] = useState<Record<string, UndatedDecision | undefined>>({});
  const [answers, setAnswers] = useState<FuzzyAnswers>({});
  const [choices, setChoices] = useState<ExecutorChoices>({});
  const [pastChoices, setPastChoices] = useState<Record<string, PastPolicy | undefined>>({});
  const [chain, setChain] = useState<EscalationStep[]>(DEFAULT_CHAIN);
  const [schoolYear, setSchoolYear] = useState<SchoolYearDraft>({
    dueDates: {},
    reviewWorkingDays: 10,
    checkpointRhythm: 'quarterly',
    checkpointDates: [],
  });
  // Which events are past, and where «skip» would start, is the API's call (the event workflow's own rule), per zone.
  const zone = timezone || roadmap.data?.timezone;
  const preview = useQuery({
    queryKey: ['roadmap', roadmapId, 'launch-preview', zone],
    enabled: !!zone,
    queryFn: () =>
      unwrap(
        api.GET('/api/roadmaps/{id}/launch-preview', {
          params: { path: { id: roadmapId }, query: { timezone: zone } },
        }),
      ),
  });
  const organisations = useDirectoryOrganisations();
  const organisationOptions = [
    { value: '', content: t.noChoice },
    ...(organisations.data ?? []).map((o) => ({ value: o.id, content: o.name })),
  ];
  const organisationName = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));

  // Each school against the directory (the annex's and those added by hand), asked again as names settle.
  const [schoolAnswers, setSchoolAnswers] = useState<Record<string, MatchAnswer | undefined>>({});
  // An empty field launches in the roadmap's municipality (the API's default), so schools are matched there.
  const cycleMunicipality = municipality.trim() || roadmap.data?.municipality || '';
  const schoolKey = (s: SchoolDraft) => `${s.municipality?.trim() || cycleMunicipality}|${s.name.trim()}`;
  const named = schools.filter((s) => s.name.trim());
  const matchRequest = useDebounced(
    JSON.stringify({
      municipality: cycleMunicipality || undefined,
      schools: named.map((s) => ({ name: s.name.trim(), municipality: s.municipality?.trim() || undefined })),
    }),
    400,
  );
  const schoolMatches = useQuery({
    queryKey: ['directory', 'school-matches', matchRequest],
    enabled: named.length > 0,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const body = JSON.parse(matchRequest) as Schemas['SchoolMatchesDto'];
      if (!body.schools.length) return new Map<string, Schemas['SchoolMatchView']>();
      const views = await unwrap(api.POST('/api/directory/school-matches', { body }));
      return new Map(
        views.map((v, i) => [
          `${(body.schools[i].municipality ?? body.municipality ?? '').trim()}|${body.schools[i].name}`,
          v,
        ]),
      );
    },
  });
  const directorySchools = useDirectorySchools();
  const directorySchoolOptions = (directorySchools.data ?? []).map((d) => ({ value: d.id, content: d.fullName }));
  const matchOf = (s: SchoolDraft) => schoolMatches.data?.get(schoolKey(s));
  const schoolsWaiting = named.filter((s) => unanswered(matchOf(s)?.match, schoolAnswers[schoolKey(s)])).length;
  const schoolMatchColumn: TableColumnConfig<{ i: number; s: SchoolDraft }> = {
    id: 'directory',
    name: t.directorySchool,
    width: 280,
    template: ({ s }) => {
      const m = matchOf(s);
      return (
        <MatchChoice
          spelling={s.name}
          match={s.name.trim() ? m?.match : undefined}
          matchedName={m?.directorySchoolName}
          question={m?.question}
          answer={schoolAnswers[schoolKey(s)]}
          options={directorySchoolOptions}
          newLabel={t.newSchool}
          onAnswer={(a) => setSchoolAnswers((all) => ({ ...all, [schoolKey(s)]: a }))}
        />
      );
    },
  };

  useEffect(() => {
    if (!roadmap.data) return;
    setTitle(roadmap.data.title);
    setTimezone(roadmap.data.timezone);
    setSchools(schoolsFromRoadmap(roadmap.data.roadmap.schools));
    setSchoolYear((y) => ({
      ...y,
      dueDates: stageDueDatesFromRoadmap(roadmap.data.roadmap.events, localIsoDate(new Date(), roadmap.data.timezone)),
    }));
  }, [roadmap.data]);

  const launch = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/roadmaps/{id}/cycles', {
          params: { path: { id: roadmapId } },
          body: {
            title: title.trim() || undefined,
            municipality: municipality.trim() || undefined,
            timezone,
            schools: schools.map((s) => {
              const { id, asNew } = matchDecision(matchOf(s)?.directorySchoolId, schoolAnswers[schoolKey(s)]);
              return {
                ...s,
                name: s.name.trim(),
                municipality: s.municipality?.trim() || undefined,
                directorySchoolId: id,
                asNew,
              };
            }),
            dates: datesPayload(roadmap.data!.roadmap.events, decisions, timezone),
            executors: confirmedExecutors(roadmap.data!.executors ?? [], answers, choices),
            pastEventChoices: pastChoicesPayload(preview.data?.pastEvents ?? [], pastChoices),
            escalationChain: chain,
            schoolYear: schoolYearPayload(schoolYear),
          },
        }),
      ),
    onSuccess: (cycle) => {
      void queryClient.invalidateQueries({ queryKey: ['cycles'] });
      void navigate(`/cycles/${cycle.id}/launch`);
    },
  });

  const schoolColumns = useMemo<TableColumnConfig<{ i: number; s: SchoolDraft }>[]>(() => {
    const patch = (i: number, p: Partial<SchoolDraft>) =>
      setSchools((all) => all.map((s, j) => (j === i ? { ...s, ...p } : s)));
    return [
      { id: 'n', name: '№', width: 50, template: (r) => r.i + 1 },
      {
        id: 'name',
        name: t.schoolName,
        template: (r) => (
          <div className="cell-text">
            <TextInput
              controlProps={{ 'aria-label': `${t.schoolName} ${r.i + 1}` }}
              value={r.s.name}
              onUpdate={(name) => patch(r.i, { name })}
            />
          </div>
        ),
      },
      {
        id: 'category',
        name: t.category,
        width: 160,
        template: (r) => (
          <div style={{ minWidth: 140 }}>
            <Select
              aria-label={`${t.category} ${r.i + 1}`}
              options={CATEGORY_OPTIONS}
              value={[r.s.category]}
              onUpdate={([c]) => patch(r.i, { category: c as SchoolDraft['category'] })}
            />
          </div>
        ),
      },
      {
        id: 'municipality',
        name: t.schoolMunicipality,
        width: 200,
        template: (r) => (
          <TextInput
            controlProps={{ 'aria-label': `${t.schoolMunicipality} ${r.i + 1}` }}
            value={r.s.municipality ?? ''}
            onUpdate={(m) => patch(r.i, { municipality: m })}
          />
        ),
      },
      {
        id: 'emails',
        name: t.emails,
        width: 260,
        template: (r) => (
          <TextInput
            controlProps={{ 'aria-label': `${t.emails} ${r.i + 1}` }}
            placeholder={t.emailsHint}
            value={(r.s.emails ?? []).join(', ')}
            onUpdate={(v) =>
              patch(r.i, {
                emails: v
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
              })
            }
          />
        ),
      },
      {
        id: 'remove',
        name: '',
        width: 90,
        template: (r) => (
          <Button size="s" view="flat-danger" onClick={() => setSchools((all) => all.filter((_, j) => j !== r.i))}>
            {t.remove}
          </Button>
        ),
      },
    ];
  }, []);

  if (roadmap.isPending) return <PageLoader />;
  if (roadmap.error) return <ErrorState error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  const events = roadmap.data.roadmap.events;
  const executors = roadmap.data.executors ?? [];
  const undated = undatedEvents(events);
  const past = preview.data?.pastEvents ?? [];
  const waiting = undecided(events, decisions);
  // Undated events left without dates launch too, waiting for them («ожидает графика»).
  const launched = events.length;
  const awaitingCount = undated.length - datesPayload(events, decisions, timezone).length;
  const choosePast = (policy: PastPolicy, numbers: string[]) =>
    setPastChoices((c) => ({ ...c, ...Object.fromEntries(numbers.map((n) => [n, policy])) }));
  const decide = (number: string, p: Partial<UndatedDecision>) =>
    setDecisions((d) => ({ ...d, [number]: { start: '', end: '', unscheduled: false, ...d[number], ...p } }));

  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">
          {t.title}: {roadmap.data.title}
        </h1>
      </div>
      <section className="panel">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="cycle-title">{t.cycleTitle}</label>
            <TextInput id="cycle-title" value={title} onUpdate={setTitle} />
          </div>
          <div className="field">
            <label htmlFor="cycle-municipality">{t.municipality}</label>
            <TextInput
              id="cycle-municipality"
              value={municipality}
              onUpdate={setMunicipality}
              placeholder={t.municipalityHint}
            />
          </div>
          <div className="field">
            <label htmlFor="cycle-tz">{t.timezone}</label>
            <Select
              id="cycle-tz"
              options={TIME_ZONES.map((z) => ({ value: z.value, content: z.title }))}
              value={[timezone]}
              onUpdate={([v]) => setTimezone(v)}
            />
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="schools-title">
        <h2 id="schools-title" className="g-text g-text_variant_subheader-3">
          {t.schoolsTitle}: {count(schools.length, t.schools)}
        </h2>
        {schools.length === 0 && <Alert theme="info" message={t.noSchools} />}
        {schoolsWaiting > 0 && <p className="warning-text">{t.schoolsWaiting(schoolsWaiting)}</p>}
        {schools.length > 0 && (
          <div className="table-wrap">
            <Table
              data={schools.map((s, i) => ({ i, s }))}
              columns={[...schoolColumns.slice(0, 2), schoolMatchColumn, ...schoolColumns.slice(2)]}
              getRowDescriptor={(r) => ({
                id: String(r.i),
                classNames: unanswered(matchOf(r.s)?.match, schoolAnswers[schoolKey(r.s)]) ? ['row_warning'] : [],
              })}
            />
          </div>
        )}
        <div className="actions">
          <Button
            view="outlined"
            onClick={() =>
              setSchools((all) => [
                ...all,
                { name: '', category: 'shnor', municipality: municipality || undefined, emails: [] },
              ])
            }
          >
            {t.addSchool}
          </Button>
        </div>
      </section>

      {executors.length > 0 && (
        <section className="panel" aria-labelledby="executors-title">
          <h2 id="executors-title" className="g-text g-text_variant_subheader-3">
            {t.executorsTitle}
          </h2>
          <p className="muted">{t.executorsHint}</p>
          <Table
            data={executors}
            getRowDescriptor={(m) => ({
              id: m.name,
              classNames: m.match === 'fuzzy' && answers[m.name] === undefined ? ['row_warning'] : [],
            })}
            columns={[
              { id: 'name', name: t.executor },
              {
                id: 'organisation',
                name: t.organisation,
                template: (m) => (
                  <ExecutorMatchCell
                    m={m}
                    answer={answers[m.name]}
                    chosen={mayChooseOrganisation(m, answers) ? organisationName.get(choices[m.name] ?? '') : undefined}
                  />
                ),
              },
              {
                id: 'confirm',
                name: '',
                width: 420,
                template: (m) => (
                  <>
                    {m.match === 'fuzzy' && m.question && (
                      <div role="group" aria-label={m.question}>
                        <div>{m.question}</div>
                        <div className="confirm-buttons">
                          <Button
                            size="s"
                            view={answers[m.name] === true ? 'action' : 'outlined'}
                            onClick={() => setAnswers((a) => ({ ...a, [m.name]: true }))}
                          >
                            {t.yes}
                          </Button>
                          <Button
                            size="s"
                            view={answers[m.name] === false ? 'outlined-danger' : 'outlined'}
                            onClick={() => setAnswers((a) => ({ ...a, [m.name]: false }))}
                          >
                            {t.no}
                          </Button>
                        </div>
                      </div>
                    )}
                    {mayChooseOrganisation(m, answers) && (
                      <div className="field">
                        <span className="muted">{t.chooseHint}</span>
                        <Select
                          size="s"
                          width="max"
                          filterable
                          aria-label={`${t.chooseOrganisation}: ${m.name}`}
                          placeholder={t.chooseOrganisation}
                          options={organisationOptions}
                          value={[choices[m.name] ?? '']}
                          onUpdate={([id]) => setChoices((c) => ({ ...c, [m.name]: id || undefined }))}
                        />
                      </div>
                    )}
                  </>
                ),
              },
            ]}
          />
        </section>
      )}

      {undated.length > 0 && (
        <section className="panel" aria-labelledby="undated-title">
          <h2 id="undated-title" className="g-text g-text_variant_subheader-3">
            {t.undatedTitle}: {undated.length}
          </h2>
          <p className="muted">{t.undatedHint}</p>
          <div className="table-wrap">
            <Table
              wordWrap
              data={undated}
              getRowDescriptor={(e) => ({
                id: e.number,
                classNames: waiting.includes(e.number) ? ['row_warning'] : [],
              })}
              columns={[
                { id: 'number', name: '№', width: 60 },
                {
                  id: 'title',
                  name: 'Мероприятие',
                  template: (e) => (
                    <>
                      {e.title} <div className="muted">{e.period.text}</div>
                    </>
                  ),
                },
                {
                  id: 'dates',
                  name: `${t.start} – ${t.end}`,
                  width: 320,
                  template: (e) => (
                    <div className="filters">
                      <DateInput
                        aria-label={`${t.start} № ${e.number}`}
                        disabled={decisions[e.number]?.unscheduled}
                        value={decisions[e.number]?.start ?? ''}
                        onUpdate={(start) => decide(e.number, { start })}
                      />
                      <DateInput
                        aria-label={`${t.end} № ${e.number}`}
                        disabled={decisions[e.number]?.unscheduled}
                        value={decisions[e.number]?.end ?? ''}
                        onUpdate={(end) => decide(e.number, { end })}
                      />
                    </div>
                  ),
                },
                {
                  id: 'skip',
                  name: '',
                  width: 200,
                  template: (e) => (
                    <Checkbox
                      checked={decisions[e.number]?.unscheduled ?? false}
                      onUpdate={(unscheduled) => decide(e.number, { unscheduled })}
                    >
                      {t.leaveUnscheduled}
                    </Checkbox>
                  ),
                },
              ]}
            />
          </div>
        </section>
      )}

      {past.length > 0 && (
        <section className="panel" aria-labelledby="past-title" data-testid="past-events">
          <h2 id="past-title" className="g-text g-text_variant_subheader-3">
            {t.pastTitle}: {past.length}
          </h2>
          <p className="muted">{t.pastHint}</p>
          <div className="actions" role="group" aria-label={t.pastAll}>
            <span>{t.pastAll}:</span>
            <Button
              size="s"
              onClick={() =>
                choosePast(
                  'late',
                  past.map((p) => p.number),
                )
              }
            >
              {t.pastAllLate}
            </Button>
            <Button
              size="s"
              onClick={() =>
                choosePast(
                  'skip',
                  past.map((p) => p.number),
                )
              }
            >
              {t.pastAllSkip}
            </Button>
          </div>
          <div className="table-wrap">
            <Table
              wordWrap
              data={past.slice(0, 500)}
              getRowDescriptor={(p) => ({ id: `${p.number}-${p.sourceRow}` })}
              columns={[
                { id: 'number', name: '№', width: 60 },
                {
                  id: 'title',
                  name: 'Мероприятие',
                  template: (p) => (
                    <>
                      {p.title}
                      <div className="muted">
                        {formatIsoRange(p.start, p.end)} · {p.wholly ? t.pastWholly : t.pastPartly}
                        {p.nextOccurrence && ` · ${t.pastNext}: ${p.nextOccurrence.label}`}
                      </div>
                    </>
                  ),
                },
                {
                  id: 'policy',
                  name: t.pastChoice,
                  width: 300,
                  template: (p) => (
                    <SegmentedRadioGroup
                      size="s"
                      name={`past-${p.number}-${p.sourceRow}`}
                      aria-label={`${t.pastChoice} № ${p.number}`}
                      value={pastChoices[p.number] ?? 'late'}
                      onUpdate={(v: string) => choosePast(v as PastPolicy, [p.number])}
                      options={[
                        { value: 'late', content: t.pastLate },
                        { value: 'skip', content: p.wholly ? t.pastSkipWholly : t.pastSkip },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="school-year-title">
        <h2 id="school-year-title" className="g-text g-text_variant_subheader-3">
          {t.schoolYearTitle}
        </h2>
        <p className="muted">{t.schoolYearHint}</p>
        <div className="form-grid">
          {YEAR_STAGES.map((stage) => (
            <div className="field" key={stage}>
              <span>{stageTitle(stage)}</span>
              <DateInput
                aria-label={`${t.stageDue}: ${stageTitle(stage)}`}
                value={schoolYear.dueDates[stage] ?? ''}
                onUpdate={(d) => setSchoolYear((y) => ({ ...y, dueDates: { ...y.dueDates, [stage]: d } }))}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor="review-term">{t.reviewTerm}</label>
            <TextInput
              id="review-term"
              type="number"
              controlProps={{ min: 1, max: 60 }}
              value={String(schoolYear.reviewWorkingDays)}
              onUpdate={(v) => setSchoolYear((y) => ({ ...y, reviewWorkingDays: Number(v) }))}
            />
          </div>
          <div className="field">
            <span>{t.rhythm}</span>
            <SegmentedRadioGroup
              name="checkpoint-rhythm"
              aria-label={t.rhythm}
              value={schoolYear.checkpointRhythm}
              onUpdate={(v: string) =>
                setSchoolYear((y) => ({ ...y, checkpointRhythm: v as SchoolYearDraft['checkpointRhythm'] }))
              }
              options={[
                { value: 'quarterly', content: t.rhythmQuarterly },
                { value: 'dates', content: t.rhythmDates },
              ]}
            />
          </div>
        </div>
        {schoolYear.checkpointRhythm === 'dates' && (
          <div className="field" role="group" aria-label={t.checkpointDates}>
            <span>{t.checkpointDates}</span>
            <div className="filters">
              {schoolYear.checkpointDates.map((d, i) => (
                <DateInput
                  key={i}
                  aria-label={`${t.checkpointDates} ${i + 1}`}
                  value={d}
                  onUpdate={(v) =>
                    setSchoolYear((y) => ({
                      ...y,
                      checkpointDates: y.checkpointDates.map((x, k) => (k === i ? v : x)),
                    }))
                  }
                />
              ))}
              <Button
                size="s"
                view="outlined"
                onClick={() => setSchoolYear((y) => ({ ...y, checkpointDates: [...y.checkpointDates, ''] }))}
              >
                {t.addCheckpoint}
              </Button>
            </div>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="escalation-title">
        <h2 id="escalation-title" className="g-text g-text_variant_subheader-3">
          {t.escalationTitle}
        </h2>
        <p className="muted">{t.escalationHint}</p>
        <EscalationChainEditor value={chain} onChange={setChain} />
      </section>

      <section className="panel">
        <p>
          {t.summary}: {count(schools.length, t.schools)}, {count(launched, t.events)}
          {awaitingCount > 0 && `, из них ${t.awaiting}: ${awaitingCount}`}.
        </p>
        {waiting.length > 0 && <Alert theme="warning" message={`${t.mustDecide} № ${waiting.join(', ')}`} />}
        <InlineError error={preview.error} title={t.previewFailed} />
        <InlineError error={launch.error} title={t.launchFailed} />
        {launch.isPending && (
          <div className="progress-block" role="status">
            <span>{t.launching}</span>
            <Progress value={100} loading theme="info" />
          </div>
        )}
        <div className="actions">
          <Button
            view="action"
            size="l"
            // The past-event choices are asked first: no launch before the preview answered.
            disabled={
              waiting.length > 0 || !timezone || !preview.isSuccess || schoolsWaiting > 0 || schoolMatches.isFetching
            }
            loading={launch.isPending}
            onClick={() => launch.mutate()}
          >
            {t.launch}
          </Button>
        </div>
      </section>
    </>
  );
}

const MATCH_WORDS: Record<ExecutorMatch['match'], string> = {
  exact: t.matchExact,
  alias: t.matchAlias,
  fuzzy: t.matchFuzzy,
  none: t.matchNone,
  group: t.matchGroup,
};

function ExecutorMatchCell({
  m,
  answer,
  chosen,
}: {
  m: ExecutorMatch;
  answer: boolean | undefined;
  /** The organisation picked by hand after «Нет» or for an unmatched name. */
  chosen: string | undefined;
}) {
  const linked = m.match !== 'fuzzy' || answer === true;
  if (m.group) {
    // The cycle's own schools or curators: nothing to link, only whom the reminders reach.
    return (
      <>
        <div>{m.group.label}</div>
        <div className="muted">
          {m.group.recipients === null ? t.groupCountedAtLaunch : `${t.groupRecipients}: ${m.group.recipients}`}
          {m.addressee === 'no_addressee' && (
            <>
              {' · '}
              <Label theme="warning">{t.noAddressee}</Label>
            </>
          )}
        </div>
      </>
    );
  }
  if (chosen) {
    return (
      <>
        <div>{chosen}</div>
        <div className="muted">{t.chosen}</div>
      </>
    );
  }
  return (
    <>
      <div>{m.match === 'fuzzy' && answer === false ? '—' : (m.organisationName ?? '—')}</div>
      <div className="muted">
        {MATCH_WORDS[m.match]}
        {m.match === 'fuzzy' && answer === true && `, ${t.confirmed}`}
        {m.match === 'fuzzy' && answer === false && `, ${t.rejected}`}
        {((linked && m.addressee === 'no_addressee') || m.match === 'none' || answer === false) && (
          <>
            {' · '}
            <Label theme="warning">{t.noAddressee}</Label>
          </>
        )}
      </div>
    </>
  );
}
