import type { Database } from '../db/client.js';
import { listInstallations } from '../db/queries/installations.js';
import { listWorkspaces, purgeWorkspace } from '../db/queries/workspaces.js';
import { type CommandIo, withCliDatabase } from './cli-database.js';

const USAGE = `Usage:
  followup workspaces list            every workspace: installed or not, since when, how much it keeps
  followup workspaces purge <team>    delete an uninstalled workspace and all its sales data, for good
`;

/** `followup workspaces ...`: what each workspace keeps, and deleting one that removed the app. 0 ok, 1 refused, 2 usage. */
export function runWorkspacesCommand(args: string[], io: CommandIo): Promise<number> | number {
  const [name, ...rest] = args;
  if (name === 'list' && rest.length === 0)
    return withCliDatabase(io, 'Listing failed', (handle) => list(handle.db, io));
  const [teamId] = rest;
  if (name === 'purge' && rest.length === 1 && teamId) {
    return withCliDatabase(io, 'Purging failed', (handle) => purge(handle.db, teamId, io));
  }
  io.stderr.write(
    `${name && name !== 'help' ? `Unknown or incomplete command "${args.join(' ')}".\n` : ''}${USAGE}`,
  );
  return 2;
}

async function list(db: Database, io: CommandIo): Promise<number> {
  const workspaces = await listWorkspaces(db);
  const installs = new Map((await listInstallations(db)).map((row) => [row.teamId ?? row.id, row]));
  if (workspaces.length === 0) {
    io.stdout.write('No workspaces yet.\n');
    return 0;
  }
  for (const workspace of workspaces) {
    const install = installs.get(workspace.id);
    const state = workspace.uninstalledAt
      ? `uninstalled ${workspace.uninstalledAt.toISOString()} (sales data kept until purged)`
      : `installed ${(install?.updatedAt ?? workspace.installedAt).toISOString()}`;
    const scopes = install && !workspace.uninstalledAt ? `  scopes ${install.botScopes.join(',')}` : '';
    io.stdout.write(
      `${workspace.id}  ${workspace.name ?? '(no name)'}  ${state}  ` +
        `${workspace.people} people, ${workspace.prospects} prospects${scopes}\n`,
    );
  }
  return 0;
}

async function purge(db: Database, teamId: string, io: CommandIo): Promise<number> {
  const result = await purgeWorkspace(db, { workspaceId: teamId });
  if (result === 'unknown') {
    io.stderr.write(`No workspace ${teamId} here; \`followup workspaces list\` shows the ones there are.\n`);
    return 1;
  }
  if (result === 'still_installed') {
    io.stderr.write(
      `${teamId} still has the app installed: its people are using it. Remove the app from that workspace first.\n`,
    );
    return 1;
  }
  io.stdout.write(`Purged ${teamId}: its people, prospects, calls and deliveries are deleted.\n`);
  return 0;
}
