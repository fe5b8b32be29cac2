import { parseRoadmap } from '@orientir/roadmap-import';
import { formatScoreTable, scoreCorpus } from '../fixtures/roadmaps/corpus/corpus.scorer';
void (async () => {
  const scores = await scoreCorpus(parseRoadmap);
  process.stdout.write(formatScoreTable(scores) + '\n');
  if (process.env.MISSES) for (const s of scores) if (s.misses.length || s.error) process.stdout.write(`\n## ${s.name}.${s.format} ${s.error ?? ''}\n${s.misses.join('\n')}\n`);
})();
