import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadCoachReader } from '../coach-model/load-coach-reader.js';
import { type CoachInput, explainNextStep, judgeNextStep } from '../domain/coach/index.js';
import { GONE_DARK_AFTER_UNANSWERED } from '../domain/settings.js';
import { OUTCOMES, PROFILE_FIELDS, VALUE_REASONS } from '../domain/vocabulary.js';

export interface CoachCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `Usage:
  followup coach "plan text"            judge one next-step plan, print {"verdict","reasons","suggestions"}
  followup coach --explain "plan text"  the same, with the evidence that decided (rule, probability, words)
  followup coach --jsonl < plans.jsonl  judge one {"text": ...} object per line (optional context fields:
                                        valueReason, agreedWithProspect, prospect), one verdict
                                        or {"error": ...} per line; exits 1 if any line could not be judged
`;

const prospectSchema = z.object({
  company: z.string().nullish(),
  contactName: z.string().nullish(),
  hotButton: z.string().nullish(),
  lastOutcome: z.enum(OUTCOMES).nullish(),
  materialSentNotReviewed: z.boolean().optional(),
  stakeholderCount: z.number().int().min(0).optional(),
  unansweredTouchesInRow: z.number().int().min(0).optional(),
  profileGaps: z.array(z.enum(PROFILE_FIELDS)).optional(),
  goneDarkAfterUnanswered: z
    .number()
    .int()
    .min(GONE_DARK_AFTER_UNANSWERED.min)
    .max(GONE_DARK_AFTER_UNANSWERED.max)
    .optional(),
});

/** One line of --jsonl input; unknown fields (a corpus "label", an "id") are ignored. */
const lineSchema = z.object({
  text: z.string(),
  valueReason: z.enum(VALUE_REASONS).nullish(),
  agreedWithProspect: z.boolean().optional(),
  prospect: prospectSchema.optional(),
});

/** Lines are written in batches: one write per line would dominate the cost of judging them. */
const BATCH_LINES = 512;

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });
}

function judgeLine(line: string, lineNumber: number): { output: string; failed: boolean } {
  const fail = (message: string) => ({
    output: JSON.stringify({ error: `line ${lineNumber}: ${message}` }),
    failed: true,
  });
  if (line.trim() === '') return fail('empty line');
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return fail('not valid JSON');
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`,
    );
    return fail(problems.join('; '));
  }
  const { text, ...context } = parsed.data;
  const input: CoachInput = { plan: text, ...context };
  return { output: JSON.stringify(judgeNextStep(input, loadCoachReader())), failed: false };
}

async function judgeJsonLines(io: CoachCommandIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let failures = 0;
  let batch: string[] = [];
  for await (const line of lines) {
    lineNumber++;
    const { output, failed } = judgeLine(line, lineNumber);
    if (failed) failures++;
    batch.push(output);
    if (batch.length >= BATCH_LINES) {
      await write(io.stdout, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) await write(io.stdout, `${batch.join('\n')}\n`);
  if (failures > 0) {
    io.stderr.write(`${failures} of ${lineNumber} lines could not be judged; see the "error" lines.\n`);
    return 1;
  }
  return 0;
}

/**
 * `followup coach "plan"` prints one verdict as JSON; `followup coach --jsonl` judges stdin line by line.
 * Returns the exit code: 0 judged, 1 some lines could not be judged, 2 usage error.
 */
export async function runCoachCommand(args: string[], io: CoachCommandIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (first === '--jsonl') {
    if (rest.length > 0) {
      io.stderr.write(`--jsonl reads plans from stdin and takes no other arguments.\n${USAGE}`);
      return 2;
    }
    return judgeJsonLines(io);
  }
  const explain = first === '--explain';
  const words = first === '--' || explain ? rest : args;
  const unknownOption = first !== '--' ? words.find((arg) => arg.startsWith('--')) : undefined;
  if (unknownOption) {
    io.stderr.write(`Unknown option "${unknownOption}".\n${USAGE}`);
    return 2;
  }
  if (words.length === 0) {
    io.stderr.write(`Give the plan to judge, or --jsonl to read plans from stdin.\n${USAGE}`);
    return 2;
  }
  const input = { plan: words.join(' ') };
  const reader = loadCoachReader();
  const output = explain
    ? { ...judgeNextStep(input, reader), evidence: explainNextStep(input, reader) }
    : judgeNextStep(input, reader);
  io.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}
