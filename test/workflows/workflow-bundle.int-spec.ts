import fs from 'node:fs';
import path from 'node:path';
import { buildWorkflowBundle, prebuiltWorkflowBundle, type BuiltWorkflowBundle } from '@orientir/workflow-bundle';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Workflow code is replayed for a year: the bundle must hold only deterministic code that changes
 * with the workflows, not date libraries or the Russian parsers (an edit there must not break replay).
 */
describe('workflow bundle', () => {
  let bundle: BuiltWorkflowBundle;

  beforeAll(async () => {
    bundle = await buildWorkflowBundle();
  }, 120_000);

  it('holds the workflows, the contracts and the small domain entry point', () => {
    expect(bundle.modules).toEqual(
      expect.arrayContaining([
        'workflows/src/school-cycle.workflow.ts',
        'workflows/src/roadmap-event.workflow.ts',
        'libs/domain/src/workflow.ts',
        'libs/domain/src/school-stage/school-stage.machine.ts',
        'libs/domain/src/schedule/reminder-schedule.util.ts',
        'libs/contracts/src/index.ts',
      ]),
    );
  });

  it('holds no luxon, no parser, no full domain barrel and no infrastructure', () => {
    const forbidden = bundle.modules.filter(
      (m) =>
        /node_modules\/(luxon|@nestjs|typeorm|pg|nodemailer|exceljs|mammoth|yaml|zod)\//.test(m) ||
        /\.(parser|tokenizer|detector|normalizer|builder)\.ts$/.test(m) ||
        m === 'libs/domain/src/index.ts' ||
        /^libs\/domain\/src\/roadmap\//.test(m) ||
        /^libs\/(roadmap-import|persistence|mail|config|auth|temporal)\//.test(m),
    );
    expect(forbidden).toEqual([]);
    // The code itself, not only webpack's module list: no module id of luxon anywhere in it.
    expect(bundle.code).not.toMatch(/node_modules\/luxon|luxon\/src\//);
    const outsideAllowed = bundle.modules.filter(
      (m) =>
        !/^(workflows\/src|libs\/contracts\/src)\//.test(m) &&
        !/^libs\/domain\/src\/(workflow\.ts|school-stage\/|school-year\/|names\/municipality-name\.util\.ts|calendar\/|events\/(event-status|past-at-launch)\.util\.ts|schedule\/reminder-schedule\.util\.ts)/.test(
          m,
        ) &&
        !/^node_modules\/(@temporalio|nexus-rpc|long|ms)\//.test(m),
    );
    expect(outsideAllowed).toEqual([]);
  });

  it('serves the prebuilt bundle from the cache and rebuilds it when a bundled file changed', async () => {
    const { workflowBundle } = (await prebuiltWorkflowBundle()) as { workflowBundle: { codePath: string } };
    const manifestPath = path.join(path.dirname(workflowBundle.codePath), 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(bundle.modules));
    const builtAt = fs.statSync(workflowBundle.codePath).mtimeMs;

    await prebuiltWorkflowBundle();
    expect(fs.statSync(workflowBundle.codePath).mtimeMs).toBe(builtAt);

    // As if school-cycle.workflow.ts had been edited since the bundle was built.
    manifest.files['workflows/src/school-cycle.workflow.ts'] = 'stale';
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    await prebuiltWorkflowBundle();
    expect(fs.statSync(workflowBundle.codePath).mtimeMs).toBeGreaterThan(builtAt);
    expect(fs.readFileSync(workflowBundle.codePath, 'utf8')).toContain('schoolCycleWorkflow');
    expect(path.relative(ROOT, workflowBundle.codePath)).toMatch(/^node_modules\/\.cache\//);
  }, 120_000);
});
