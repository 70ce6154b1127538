import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { openPglite } from '../../src/db/client.js';
import { markWorkspaceInstalled } from '../../src/db/queries/workspaces.js';
import { people } from '../../src/db/schema.js';
import { uninstallWorkspace } from '../../src/usecases/uninstall-workspace.js';
import { captureOutput } from '../support/cli-output.js';

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const io = captureOutput();
  const code = await runCli(args, { stdin: new PassThrough(), stdout: io.stdout, stderr: io.stderr, env });
  return { code, out: io.out(), err: io.err() };
}

describe('followup workspaces', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'followup-workspaces-cli-'));
    const handle = await openPglite(dataDir);
    await markWorkspaceInstalled(handle.db, { workspaceId: 'T0STAYS', name: 'Stays Inc' });
    await markWorkspaceInstalled(handle.db, { workspaceId: 'T0LEFT', name: 'Left Ltd' });
    await handle.db.insert(people).values([
      { workspaceId: 'T0STAYS', slackUserId: 'U1' },
      { workspaceId: 'T0LEFT', slackUserId: 'U2' },
    ]);
    await uninstallWorkspace(handle.db, { workspaceId: 'T0LEFT', at: new Date('2026-04-01T12:00:00Z') });
    await handle.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every workspace, installed or not, with the data it keeps', async () => {
    const { code, out } = await run(['workspaces', 'list'], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(out).toMatch(
      /T0LEFT {2}Left Ltd {2}uninstalled 2026-04-01T12:00:00.000Z \(sales data kept until purged\) {2}1 people, 0 prospects/,
    );
    expect(out).toMatch(/T0STAYS {2}Stays Inc {2}installed .* {2}1 people, 0 prospects/);
  });

  it('purges an uninstalled workspace, and refuses one still installed or unknown', async () => {
    const installed = await run(['workspaces', 'purge', 'T0STAYS'], { DATA_DIR: dataDir });
    expect(installed).toMatchObject({ code: 1 });
    expect(installed.err).toMatch(/still has the app installed/);
    const unknown = await run(['workspaces', 'purge', 'T0NOPE'], { DATA_DIR: dataDir });
    expect(unknown).toMatchObject({ code: 1 });
    const purged = await run(['workspaces', 'purge', 'T0LEFT'], { DATA_DIR: dataDir });
    expect(purged).toMatchObject({ code: 0 });
    expect(purged.out).toMatch(/Purged T0LEFT/);
    expect((await run(['workspaces', 'list'], { DATA_DIR: dataDir })).out).not.toContain('T0LEFT');
    expect((await run(['workspaces', 'purge'], { DATA_DIR: dataDir })).code).toBe(2);
  });
});
