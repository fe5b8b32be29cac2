import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';

const DIR = path.join(__dirname, 'histories');

/**
 * Recorded histories of every workflow type, at several points of their life, replayed against the
 * current workflow code: a change that running workflows would trip over (without `patched()`) fails
 * here with a non-determinism error. Re-record with record-histories.main.ts only for intended changes.
 */
describe('workflow replay against recorded histories', () => {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('has fixtures of every workflow type, the first school workflow included', () => {
    const types = new Set(files.map((f) => f.split('--')[0]));
    for (const type of [
      'event',
      'event-tracked',
      'event-continued',
      'school',
      'school-continued',
      'school-legacy',
      'digest',
      'launch',
      'launch-continued',
    ])
      expect(types).toContain(type);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    const history = temporal.api.history.v1.History.fromObject(
      JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')),
    );
    const workflowId = `replay-${file}`;
    const result = await Worker.runReplayHistory({ ...(await prebuiltWorkflowBundle()) }, history, workflowId);
    expect(result).toBeUndefined();
  });
});
