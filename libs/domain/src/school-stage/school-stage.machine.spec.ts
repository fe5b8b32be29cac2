import {
  LEGACY_INITIAL_SCHOOL_STAGE as INITIAL_SCHOOL_STAGE,
  nextSchoolState,
  schoolStageProblem,
} from './school-stage.machine';

describe('nextSchoolState', () => {
  it('walks the whole pipeline in order', () => {
    const seen: string[] = [];
    let s: ReturnType<typeof nextSchoolState> = 'self_diagnosis';
    while (s !== 'completed') {
      seen.push(s);
      s = nextSchoolState(s, { kind: 'advance' });
    }
    expect(seen).toEqual(['self_diagnosis', 'concept_documents', 'expertise', 'monitoring', 'report']);
  });

  it('returns expertise to concept documents for rework', () => {
    expect(nextSchoolState('expertise', { kind: 'return', remarks: 'нет антирисковых программ' })).toBe(
      'concept_documents',
    );
  });

  it('refuses a return outside expertise and any move after completion', () => {
    expect(() => nextSchoolState('monitoring', { kind: 'return', remarks: 'x' })).toThrow(/экспертизы/);
    expect(() => nextSchoolState('completed', { kind: 'advance' })).toThrow(/завершен/);
  });
});

describe('schoolStageProblem', () => {
  it('accepts the decision the rules allow and names what is wrong otherwise', () => {
    expect(schoolStageProblem(INITIAL_SCHOOL_STAGE, { kind: 'advance' })).toBeNull();
    expect(schoolStageProblem('expertise', { kind: 'return', remarks: 'нет программ' })).toBeNull();
    expect(schoolStageProblem('monitoring', { kind: 'advance' }, 'self_diagnosis')).toMatch(
      /на этапе «Мониторинг», а не «Самодиагностика»/,
    );
    expect(schoolStageProblem('expertise', { kind: 'return', remarks: '  ' })).toMatch(/укажите замечания/);
    expect(schoolStageProblem('report', { kind: 'return', remarks: 'x' })).toMatch(/экспертизы/);
    expect(schoolStageProblem('completed', { kind: 'advance' })).toMatch(/завершен/);
  });
});
