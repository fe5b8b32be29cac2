// The risk directions of the 500+ programme: the default list of a cycle's risk profile.
// A cycle may replace it (the list changes between years); ids are stable codes.

export interface RiskDirectionDefinition {
  id: string;
  title: string;
}

export const DEFAULT_RISK_DIRECTIONS: readonly RiskDirectionDefinition[] = [
  { id: 'low_equipment', title: 'Низкий уровень оснащения школы' },
  { id: 'teacher_shortage', title: 'Дефицит педагогических кадров' },
  {
    id: 'teacher_competence',
    title: 'Недостаточная предметная и методическая компетентность педагогических работников',
  },
  { id: 'low_adaptivity', title: 'Риски низкой адаптивности учебного процесса' },
  { id: 'no_internal_training', title: 'Несформированность внутришкольной системы повышения квалификации' },
  { id: 'language_barriers', title: 'Низкое качество преодоления языковых и культурных барьеров' },
  {
    id: 'weak_environment',
    title: 'Пониженный уровень качества школьной образовательной и воспитательной среды',
  },
  { id: 'failure_risk', title: 'Высокая доля обучающихся с рисками учебной неуспешности' },
  { id: 'low_motivation', title: 'Низкая учебная мотивация обучающихся' },
  { id: 'parent_involvement', title: 'Низкий уровень вовлеченности родителей' },
];
