import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCoachCommand } from '../../src/cli/coach-command.js';
import { captureOutput } from '../support/cli-output.js';

async function run(args: string[], stdinLines: string[] = []) {
  const io = captureOutput();
  const stdin = Readable.from(stdinLines.length > 0 ? [`${stdinLines.join('\n')}\n`] : []);
  const code = await runCoachCommand(args, { stdin, stdout: io.stdout, stderr: io.stderr });
  return { code, stdout: io.out(), stderr: io.err() };
}

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('followup coach "plan"', () => {
  it('prints the verdict of one plan as JSON', async () => {
    const { code, stdout } = await run(['Just checking in']);
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout);
    expect(verdict.verdict).toBe('vague');
    expect(Object.keys(verdict)).toEqual(['verdict', 'unsure', 'reasons', 'suggestions']);
  });

  it('joins unquoted words into one plan', async () => {
    const { stdout } = await run(['show', 'the', 'new', 'X300', 'scanner,', '40%', 'faster']);
    expect(JSON.parse(stdout).verdict).toBe('value');
  });

  it('takes a plan that starts with dashes after --', async () => {
    const { code, stdout } = await run(['--', '--- just checking in ---']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).verdict).toBe('vague');
  });

  it('judges an empty plan with a clear message instead of failing', async () => {
    const { code, stdout } = await run(['   ']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).reasons[0]).toMatch(/Write what you will bring/);
  });

  it('exits 2 with usage when there is no plan', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage/);
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await run(['--verbose', 'check in']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option "--verbose"/);
  });

  it('prints the evidence that decided with --explain', async () => {
    const { code, stdout } = await run(['--explain', 'touch', 'base', 'next', 'week']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.verdict).toBe('vague');
    expect(output.evidence).toMatchObject({ decidedBy: 'rule', rule: 'check-in' });
  });

  it('exits 2 when --jsonl is given a plan as well', async () => {
    expect((await run(['--jsonl', 'check in'])).code).toBe(2);
  });
});

describe('followup coach --jsonl', () => {
  it('writes one verdict per line, in order, using the context fields', async () => {
    const { code, stdout } = await run(
      ['--jsonl'],
      [
        JSON.stringify({ text: 'any update?' }),
        JSON.stringify({ text: 'Their warranty on 8 printers ends 31 March: offer the extended cover' }),
        JSON.stringify({ text: 'call back', prospect: { contactName: 'Sue', unansweredTouchesInRow: 4 } }),
      ],
    );
    expect(code).toBe(0);
    const verdicts = jsonLines(stdout);
    expect(verdicts.map((line) => line.verdict)).toEqual(['vague', 'value', 'vague']);
    expect(String(verdicts[2]?.suggestions)).toMatch(/Sue, I know we haven't been able to connect/);
  });

  it('answers a malformed line with an error on that line and keeps going', async () => {
    const { code, stdout, stderr } = await run(
      ['--jsonl'],
      [
        '{"text": "chk in"}',
        '{not json',
        '{"plan": "wrong field"}',
        '{"text": "x", "valueReason": "free_lunch"}',
        '',
        '{"text": "walk Sam through the revised quote together"}',
      ],
    );
    expect(code).toBe(1);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(6);
    expect(lines[0]?.verdict).toBe('vague');
    expect(lines[1]?.error).toBe('line 2: not valid JSON');
    expect(lines[2]?.error).toMatch(/^line 3: text:/);
    expect(lines[3]?.error).toMatch(/^line 4: valueReason:/);
    expect(lines[4]?.error).toBe('line 5: empty line');
    expect(lines[5]?.verdict).toBe('value');
    expect(stderr).toMatch(/4 of 6 lines could not be judged/);
  });

  it('accepts the labelled corpus format, ignoring the label', async () => {
    const { code, stdout } = await run(['--jsonl'], [JSON.stringify({ text: 'Touch base', label: 'vague' })]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)[0]?.verdict).toBe('vague');
  });
});
