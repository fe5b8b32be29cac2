import * as roadmap from './index';

describe('roadmap public API', () => {
  it('exposes the functions the importer calls', () => {
    const names = [
      'parsePeriod',
      'parseIndicator',
      'splitExecutors',
      'executorKey',
      'buildExecutorEntities',
      'detectStage',
      'detectDocumentYear',
    ] as const;
    for (const name of names) expect(typeof roadmap[name]).toBe('function');
    expect(roadmap.parsePeriod('Май', { year: 2023 }).period.start).toBe('2023-05-01');
  });
});
