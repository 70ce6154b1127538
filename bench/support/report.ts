import { cpus, totalmem } from 'node:os';

/** One figure, the baseline measured in the same run, and how the two compare. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
  /** value / baseline. */
  ratio: number;
  /** The floor the figure must meet, in words, and whether this run met it. */
  floor?: { description: string; met: boolean };
  notes?: string;
}

export function compare(
  name: string,
  value: number,
  unit: string,
  baselineName: string,
  baseline: number,
  extra: Pick<BenchResult, 'floor' | 'notes'> = {},
): BenchResult {
  return {
    name,
    value,
    unit,
    baselineName,
    baseline,
    ratio: baseline === 0 ? Number.NaN : value / baseline,
    ...extra,
  };
}

export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown processor';
  return `${cores.length} cores (${model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

export function formatResult(result: BenchResult): string {
  const floor = result.floor ? `  [${result.floor.met ? 'ok' : 'MISSED'}: ${result.floor.description}]` : '';
  const notes = result.notes ? `\n      ${result.notes}` : '';
  return (
    `  ${result.name}: ${formatNumber(result.value)} ${result.unit}` +
    ` | baseline ${result.baselineName}: ${formatNumber(result.baseline)} ${result.unit}` +
    ` | ratio ${formatNumber(result.ratio)}${floor}${notes}`
  );
}
