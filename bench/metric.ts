// One measured figure, in the shape bench/results.json holds, and the table printed from them.
import { round, type Summary } from './stats';

export interface Metric {
  name: string;
  /** The median (or the single measurement, for sizes). */
  value: number;
  unit: string;
  min: number;
  max: number;
  /** The floor measured in the same run (same unit), where there is one. */
  comparison?: number;
  /** value / comparison (or / the ideal), where there is one. */
  ratio?: number;
  target: string;
  met: boolean;
}

/** A metric from a sample summary; the ratio is computed from the medians. */
export function timing(
  name: string,
  unit: string,
  summary: Summary,
  target: string,
  met: (m: { value: number; ratio?: number }) => boolean,
  comparison?: number,
): Metric {
  const ratio = comparison ? summary.median / comparison : undefined;
  const metric: Metric = {
    name,
    value: round(summary.median),
    unit,
    min: round(summary.min),
    max: round(summary.max),
    ...(comparison !== undefined ? { comparison: round(comparison) } : {}),
    ...(ratio !== undefined ? { ratio: Math.round(ratio * 1000) / 1000 } : {}),
    target,
    met: false,
  };
  metric.met = met({ value: summary.median, ratio });
  return metric;
}

const COLUMNS = ['metric', 'median', 'min', 'max', 'comparison', 'ratio', 'target', 'met'] as const;

function cells(metric: Metric): string[] {
  const withUnit = (value: number | undefined) => (value === undefined ? '–' : `${value} ${metric.unit}`);
  return [
    metric.name,
    withUnit(metric.value),
    withUnit(metric.min),
    withUnit(metric.max),
    withUnit(metric.comparison),
    metric.ratio === undefined ? '–' : metric.ratio.toFixed(2),
    metric.target,
    metric.met ? 'yes' : 'NO',
  ];
}

/** A plain-text table for the terminal. */
export function textTable(metrics: Metric[]): string {
  const rows = [COLUMNS as readonly string[], ...metrics.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function markdownTable(metrics: Metric[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...metrics.map((metric) => `| ${cells(metric).map(escape).join(' | ')} |`),
  ].join('\n');
}
