// Canonical roadmap model: the shape every importer produces and the CLI prints as JSON.
// Field names are part of the public contract (`orientir roadmap parse --json`).

/** ISO calendar date (YYYY-MM-DD) in the cycle's time zone. */
export type IsoDate = string;

export type Recurrence = 'weekly' | 'monthly' | 'quarterly';

export interface PeriodOccurrence {
  start: IsoDate;
  end: IsoDate;
}

export interface RoadmapPeriod {
  /** First day of the whole period; null when it cannot be placed in time (e.g. "По графику"). */
  start: IsoDate | null;
  /** Last day of the whole period; null together with start. */
  end: IsoDate | null;
  /** Distinct windows, e.g. "Сентябрь, Декабрь" gives two. One entry for a plain span. */
  occurrences: PeriodOccurrence[];
  recurrence: Recurrence | null;
  /** "В течение года" and the like: the whole cycle. */
  wholeCycle: boolean;
  /** "По графику": to be scheduled later by the coordinator. */
  toBeScheduled: boolean;
  /** The original text, trimmed. */
  text: string;
}

export type IndicatorKind = 'count' | 'coverage' | 'document' | 'text';
/** «в месяц», «ежеквартально», «в год»; occurrence: «по итогам каждого мероприятия». */
export type IndicatorPer = 'month' | 'week' | 'quarter' | 'year' | 'occurrence';

/** Whom a coverage counts: «100% ШНОР», «60% педагогов», «90% ОО», «30% обучающихся». */
export type IndicatorPopulation = 'shnor' | 'teachers' | 'schools' | 'students';

export interface RoadmapIndicator {
  kind: IndicatorKind;
  /** count: at least N; coverage: the percentage (e.g. 100). */
  min: number | null;
  per: IndicatorPer | null;
  /** What is counted or covered: "методических десантов", "ШНОР", "справка". */
  unit: string | null;
  /** The population a coverage counts; null when the text names none we know. */
  population?: IndicatorPopulation | null;
  /** The document that proves the event, nominative: «справка», «протокол», «нормативно-правовой акт». */
  document?: string | null;
  text: string;
}

/** How sure the importer is of each field, 0..1; the preview highlights what is below 0.7. */
export interface RoadmapEventConfidence {
  title: number;
  period: number;
  executors: number;
  indicator: number;
}

export type SchoolStage = 'self_diagnosis' | 'concept_documents' | 'expertise' | 'monitoring' | 'report';

export interface RoadmapEvent {
  number: string;
  section: string | null;
  title: string;
  period: RoadmapPeriod;
  executors: string[];
  indicator: RoadmapIndicator;
  reportForm: string | null;
  executionNote: string | null;
  stage: SchoolStage | null;
  /** Where the row came from in the source (row number in the table or line in the text). */
  sourceRow: string;
  /** Set by the importer for rows read from a document; absent in hand-made roadmaps. */
  confidence?: RoadmapEventConfidence;
}

export type SchoolCategory = 'shnor' | 'risk_zone' | 'shnsu';

export interface RoadmapSchool {
  name: string;
  category: SchoolCategory;
  municipality: string | null;
  emails: string[];
}

export interface RoadmapCurator {
  name: string;
  position: string | null;
  workplace: string | null;
  email: string | null;
  schools: string[];
}

export interface RoadmapExecutorEntity {
  /** Stable key: the normalised name, so the same body written two ways is one entity. */
  key: string;
  name: string;
  /** Every spelling met in the document. */
  aliases: string[];
}

export interface RoadmapWarning {
  row: string;
  text: string;
  message: string;
}

export interface CanonicalRoadmap {
  title: string;
  year: number;
  timezone: string;
  events: RoadmapEvent[];
  executorEntities: RoadmapExecutorEntity[];
  schools: RoadmapSchool[];
  curators: RoadmapCurator[];
  warnings: RoadmapWarning[];
}

/** What the period parser needs to know about the document it reads. */
export interface PeriodContext {
  /** Calendar year for months without one. */
  year: number;
  /** Set for academic-year roadmaps ("2020-2021 учебный год"): Sep–Dec fall in this year, Jan–Aug in the next. */
  academicYearStart?: number;
  /** The cycle's whole span, used for "В течение года". Defaults to the calendar (or academic) year. */
  cycle?: { start: IsoDate; end: IsoDate };
}
