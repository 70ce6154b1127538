import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const biome = join(root, 'node_modules', '.bin', 'biome');
const run = promisify(execFile);

/** Files that each break (or keep) one layer rule of STYLE.md, linted with the project's own configuration. */
const PROBES: Record<string, string> = {
  'src/domain/stalls/reads-the-database.ts':
    "import { listDealFacts } from '../../db/queries/deal-facts.js';",
  'src/domain/imports-slack.ts': "import type { App } from '@slack/bolt';",
  'src/usecases/talks-to-slack.ts': "import { renderHomeView } from '../slack/blocks/home.js';",
  'src/slack/blocks/takes-a-row.ts': "import type { NextStepView } from '../../db/queries/next-steps.js';",
  'src/slack/blocks/takes-a-use-case-type.ts':
    "import type { HomeModel } from '../../usecases/load-home.js';",
  'src/slack/listeners/commands/queries-directly.ts':
    "import { findWorkspaceSettings } from '../../../db/queries/workspace-settings.js';",
  'src/domain/stays-inside.ts': "import { hasGoneDark } from './settings.js';",
  'src/usecases/composes.ts': "import { hasGoneDark } from '../domain/settings.js';",
  'src/slack/listeners/commands/calls-a-use-case.ts':
    "import { loadSettings } from '../../../usecases/load-settings.js';",
  'src/slack/blocks/takes-a-view-model.ts': "import type { HomeTabModel } from './view-models.js';",
};

interface Diagnostic {
  category: string;
  location: { path: string };
}

let workdir: string;
let refused: Set<string>;

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'layer-probes-'));
  const config = JSON.parse(await readFile(join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  delete config.vcs;
  config.files = { includes: ['**'] };
  await writeFile(join(workdir, 'biome.json'), JSON.stringify(config));
  for (const [path, line] of Object.entries(PROBES)) {
    await mkdir(dirname(join(workdir, path)), { recursive: true });
    await writeFile(join(workdir, path), `${line}\nexport const probe = 1;\n`);
  }
  const output = await run(biome, ['lint', '--only=style/noRestrictedImports', '--reporter=json', 'src'], {
    cwd: workdir,
  }).catch((failure: { stdout: string }) => failure);
  const report = output.stdout.split('\n').find((line) => line.startsWith('{')) ?? '{"diagnostics":[]}';
  const diagnostics: Diagnostic[] = JSON.parse(report).diagnostics;
  refused = new Set(
    diagnostics
      .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
      .map((diagnostic) => diagnostic.location.path),
  );
}, 60_000);

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

describe('the linter keeps the layers of STYLE.md', () => {
  it.each([
    ['the domain importing the database', 'src/domain/stalls/reads-the-database.ts'],
    ['the domain importing Slack', 'src/domain/imports-slack.ts'],
    ['a use case importing Slack', 'src/usecases/talks-to-slack.ts'],
    ['a block builder taking a database row', 'src/slack/blocks/takes-a-row.ts'],
    ['a block builder taking a use-case type', 'src/slack/blocks/takes-a-use-case-type.ts'],
    ['a listener calling a query', 'src/slack/listeners/commands/queries-directly.ts'],
  ])('refuses %s', (_rule, path) => {
    expect(refused).toContain(path);
  });

  it.each([
    ['the domain importing itself', 'src/domain/stays-inside.ts'],
    ['a use case composing the domain', 'src/usecases/composes.ts'],
    ['a listener calling a use case', 'src/slack/listeners/commands/calls-a-use-case.ts'],
    ['a block builder taking a view model', 'src/slack/blocks/takes-a-view-model.ts'],
  ])('allows %s', (_rule, path) => {
    expect(refused).not.toContain(path);
  });
});
