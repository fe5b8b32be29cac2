// Maps an event's wording to the school pipeline stage it drives. Keywords are word stems so
// inflections match. Only the event's own action counts: clauses that merely refer to another
// stage («с учетом мониторинга», «учитывая результаты самодиагностики») are cut off first.
import type { SchoolStage } from './roadmap.model';
import { normalizeRussian } from './russian-text.util';

const REFERENCE_CLAUSE =
  /(?:с\s+учетом|учитывая|на\s+основе|на\s+основании|по\s+итогам|по\s+результатам|в\s+том\s+числе|в\s+соответствии\s+с|согласно|исходя\s+из)\s/;

/** Development verbs that make a programme mention a concept-documents event. */
const DEVELOPMENT =
  /разработ|подготов|составлен|корректир|доработ|утвержд|согласован|загруз|размещ|актуализ|обновлен|формирован/;

interface StageRule {
  stage: SchoolStage;
  pattern: RegExp;
  /** Extra condition on the whole (cut) wording. */
  requires?: RegExp;
}

const RULES: readonly StageRule[] = [
  { stage: 'self_diagnosis', pattern: /самодиагностик|самодиагностич/ },
  { stage: 'expertise', pattern: /экспертиз|экспертн[а-я]*\s+оценк/ },
  { stage: 'concept_documents', pattern: /концептуальн[а-я]*\s+документ/ },
  {
    stage: 'concept_documents',
    pattern: /(?:программ[а-я]*|концепци[а-я]*)\s+развития|антирисков[а-я]*\s+программ/,
    requires: DEVELOPMENT,
  },
  // A model or system «of monitoring» is designed, not carried out.
  { stage: 'monitoring', pattern: /(?<!модел[а-я]*\s)(?<!систем[а-я]*\s)мониторинг/ },
  { stage: 'report', pattern: /отчет(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?![а-я])|отчетност/ },
];

function earliestStage(text: string): SchoolStage | null {
  let best: { stage: SchoolStage; index: number } | null = null;
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match === null || (rule.requires !== undefined && !rule.requires.test(text))) continue;
    if (best === null || match.index < best.index) best = { stage: rule.stage, index: match.index };
  }
  return best?.stage ?? null;
}

/** The action part of a wording: everything before the first reference clause. */
function actionPart(text: string): string {
  const normalized = normalizeRussian(text);
  const match = REFERENCE_CLAUSE.exec(normalized);
  return match === null ? normalized : normalized.slice(0, match.index);
}

export function detectStage(title: string, indicatorText?: string): SchoolStage | null {
  const fromTitle = earliestStage(actionPart(typeof title === 'string' ? title : ''));
  if (fromTitle !== null || indicatorText === undefined) return fromTitle;
  // «100% ШНОР провели самодиагностику»: the indicator names the stage when the title does not.
  return earliestStage(actionPart(indicatorText));
}
