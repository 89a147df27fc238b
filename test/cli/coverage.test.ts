/**
 * Every command of the CLI has a test: for each command (`serve`, `flow lint`, `keys create`, ...), some test file
 * under test/cli runs it — its words appear there, quoted and in order (`'keys', 'create'` or across lines of an
 * argument list). A command added without a test fails here, naming it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../../src/cli/main.js';
import { repoRoot } from '../support/cli.js';

/** The paths of the commands that do something (those with subcommands only group them). */
function leaves(command: Command, path: string[] = []): string[][] {
  const subs = command.commands.filter((c) => c.name() !== 'help');
  if (subs.length === 0) return [path];
  return subs.flatMap((c) => leaves(c, [...path, c.name()]));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the CLI', () => {
  const dir = join(repoRoot, 'test/cli');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'));

  it('has a test running each of its commands', () => {
    const commands = leaves(buildCli());
    expect(commands.map((c) => c.join(' '))).toEqual(
      expect.arrayContaining([
        'serve',
        'flow lint',
        'flow simulate',
        'db migrate',
        'keys create',
        'users passwd',
      ]),
    );
    const untested = commands.filter((words) => {
      const pattern = new RegExp(words.map((w) => `'${escape(w)}'`).join('[\\s,]*'));
      return !sources.some((s) => pattern.test(s));
    });
    expect(untested.map((c) => `tsunagi ${c.join(' ')}`)).toEqual([]);
  });
});
