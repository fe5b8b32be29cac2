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
  allowed: {
    code: "import { planReminders } from '@orientir/domain';\nimport { DEFAULT_TASK_QUEUE } from '@orientir/contracts';\nexport const probe = [planReminders, DEFAULT_TASK_QUEUE];\n",
    expected: null,
  },
};

/** The lint rules are part of the architecture: prove they bite on workflow code. */
describe('workflow import boundaries', () => {
  const messages = new Map<string, string[]>();

  beforeAll(() => {
    const files = Object.entries(PROBES).map(([name, probe]) => {
      const file = path.join(ROOT, `workflows/src/boundary-probe-${name}.workflow.ts`);
      fs.writeFileSync(file, probe.code);
      return [name, file] as const;
    });
    try {
      // The ESLint CLI in a child process: its ESM config cannot load inside jest's VM.
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files.map(([, f]) => f)],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
      for (const [name, file] of files) {
        const result = results.find((r) => r.filePath === file);
        messages.set(
          name,
          (result?.messages ?? [{ ruleId: 'missing', message: 'file not linted' }]).map(
            (m) => `${m.ruleId}: ${m.message}`,
          ),
        );
      }
    } finally {
      files.forEach(([, f]) => fs.rmSync(f, { force: true }));
    }
  }, 180_000);

  it.each(Object.keys(PROBES).filter((k) => PROBES[k].expected))('rejects the %s import', (name) => {
    expect(messages.get(name)?.join('\n')).toMatch(PROBES[name].expected as RegExp);
  });

  it('accepts domain and contracts imports', () => {
    expect(messages.get('allowed')).toEqual([]);
  });
});
