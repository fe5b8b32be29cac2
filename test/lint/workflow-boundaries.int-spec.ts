import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

const PROBES: Record<string, { code: string; expected: RegExp | null }> = {
  builtin: { code: "import fs from 'node:fs';\nexport const probe = fs;\n", expected: /Node built-ins/ },
  nest: {
    code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    expected: /infrastructure/,
  },
  typeorm: {
    code: "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n",
    expected: /infrastructure/,
  },
  nodemailer: {
    code: "import { createTransport } from 'nodemailer';\nexport const probe = createTransport;\n",
    expected: /infrastructure/,
  },
  persistence: {
    code: "import { CycleStore } from '@orientir/persistence';\nexport const probe = CycleStore;\n",
    expected: /domain and contracts/,
  },
  barrel: {
    code: "import { parsePeriod } from '@orientir/domain';\nexport const probe = parsePeriod;\n",
    expected: /@orientir\/domain\/workflow/,
  },
  allowed: {
    code: "import { planReminders } from '@orientir/domain/workflow';\nimport { DEFAULT_TASK_QUEUE } from '@orientir/contracts';\nexport const probe = [planReminders, DEFAULT_TASK_QUEUE];\n",
    expected: null,
  },
};

type LintResult = { filePath: string; messages: { ruleId: string | null; message: string }[] };

/** The ESLint CLI in a child process (its ESM config cannot load inside jest's VM) on probe files written for it. */
function lintProbes(probes: Record<string, string>, extraArgs: string[] = []): Map<string, string[]> {
  const files = Object.entries(probes).map(([file, code]) => {
    fs.writeFileSync(path.join(ROOT, file), code);
    return file;
  });
  try {
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...extraArgs, ...files],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
    );
    const results = JSON.parse(run.stdout) as LintResult[];
    return new Map(
      files.map((file) => [
        file,
        (
          results.find((r) => r.filePath === path.join(ROOT, file))?.messages ?? [
            { ruleId: 'missing', message: 'file not linted' },
          ]
        ).map((m) => `${m.ruleId}: ${m.message}`),
      ]),
    );
  } finally {
    files.forEach((file) => fs.rmSync(path.join(ROOT, file), { force: true }));
  }
}

const probeFile = (name: string) => `workflows/src/boundary-probe-${name}.workflow.ts`;

/** The lint rules are part of the architecture: prove they bite on workflow code. */
describe('workflow import boundaries', () => {
  const messages = new Map<string, string[]>();
  let nxOnly = new Map<string, string[]>();

  beforeAll(() => {
    // The Nx module-boundary rule reads the cached project graph and silently skips without one.
    const graph = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/nx/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    expect(graph.status).toBe(0);
    const all = lintProbes(Object.fromEntries(Object.entries(PROBES).map(([name, p]) => [probeFile(name), p.code])));
    for (const name of Object.keys(PROBES)) messages.set(name, all.get(probeFile(name)) ?? []);
    // The same imports with no-restricted-imports switched off: what remains is the Nx rule's own verdict.
    nxOnly = lintProbes(
      {
        [probeFile('persistence')]: PROBES.persistence.code,
        [probeFile('allowed')]: PROBES.allowed.code,
        'apps/api/src/boundary-probe-scope.ts':
          "import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';\nexport const probe = prebuiltWorkflowBundle;\n",
        'libs/domain/src/boundary-probe-infra.ts':
          "import { hashPassword } from '@orientir/credentials';\nexport const probe = hashPassword;\n",
      },
      ['--rule', '{"no-restricted-imports":"off"}'],
    );
  }, 180_000);

  it('rejects persistence in a workflow through the Nx module-boundary rule alone', () => {
    expect(nxOnly.get(probeFile('persistence'))?.join('\n')).toMatch(
      /@nx\/enforce-module-boundaries: .*type:workflow.*type:domain.*type:contracts/,
    );
    expect(nxOnly.get(probeFile('allowed'))).toEqual([]);
  });

  it('keeps worker code out of the API and infrastructure out of the domain (scope and type tags)', () => {
    expect(nxOnly.get('apps/api/src/boundary-probe-scope.ts')?.join('\n')).toMatch(
      /@nx\/enforce-module-boundaries: .*scope:api/,
    );
    expect(nxOnly.get('libs/domain/src/boundary-probe-infra.ts')?.join('\n')).toMatch(
      /@nx\/enforce-module-boundaries: .*type:domain/,
    );
  });

  it.each(Object.keys(PROBES).filter((k) => PROBES[k].expected))('rejects the %s import', (name) => {
    expect(messages.get(name)?.join('\n')).toMatch(PROBES[name].expected as RegExp);
  });

  it('accepts domain and contracts imports', () => {
    expect(messages.get('allowed')).toEqual([]);
  });
});
