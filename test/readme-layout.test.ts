import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
/** Folders .gitignore keeps out of the project. */
const IGNORED = new Set(['node_modules', 'coverage']);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const layout = /## Layout\n+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
/** The path each line of the Layout block starts with ("src/domain/", "bin/"); continuation lines have none. */
const listed = layout
  .split('\n')
  .map((line) => /^(\S+)/.exec(line)?.[1])
  .filter((path): path is string => path !== undefined);

describe("the README's Layout section", () => {
  it('names only paths that exist', () => {
    expect(listed.length).toBeGreaterThan(0);
    for (const path of listed) expect(existsSync(new URL(path, root)), path).toBe(true);
  });

  it('names everything directly under src/ and every top-level folder of the project', () => {
    const srcEntries = readdirSync(new URL('src/', root), { withFileTypes: true }).map(
      (entry) => `src/${entry.name}${entry.isDirectory() ? '/' : ''}`,
    );
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !IGNORED.has(entry.name))
      .map((entry) => `${entry.name}/`)
      .filter((folder) => folder !== 'src/');
    expect([...srcEntries, ...folders].filter((path) => !listed.includes(path))).toEqual([]);
  });
});
