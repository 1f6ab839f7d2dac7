import { useId, type ReactNode } from "react";
import { formatNumber } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import type { Translate } from "../modules/i18n/translate";
import type { Cell, ReportFigure } from "../modules/reports/figure-types";
import { cellText, labelText } from "../modules/reports/figures-csv";

export { cellText, labelText };

/**
 * A report's figure: its title, its definition, its chart drawn as inline SVG and its table
 * beside it. It takes `t` and `locale` rather than reading them from the page, so that print
 * and PDF render it on the server. The chart reads in black and white: every bar and point
 * carries its value in words, bars are solid grey, and a masked cell ("< 5") is a hatched
 * stub of one fixed length, never a length drawn from its count.
 */
export function ReportFigureView({ figure, t, locale }: { figure: ReportFigure; t: Translate; locale: Locale }) {
  const hatch = `report-hatch-${useId().replace(/[^\w-]/g, "")}`;
  const { columns, rows } = figure.table;
  const title = t(figure.title);
  const chart = figure.chart && figure.chart.column >= 0 && figure.chart.column < columns.length && rows.length > 0 ? figure.chart : null;
  const numeric = columns.map((_, i) => {
    const cells = rows.map((r) => r.cells[i] ?? null).filter((c) => c !== null);
    return cells.length > 0 && cells.every((c) => !("text" in c));
  });
  const masked = rows.some((r) => r.cells.some(isMasked));
  const props = { figure, title, t, locale, hatch };
  return (
    <figure className="report-figure" data-figure={figure.id}>
      <figcaption>
        <span className="report-figure-title">{title}</span>
        <span className="report-figure-definition">{t("reports.render.pair", { label: t("reports.definition"), value: t(figure.definition) })}</span>
      </figcaption>
      <div className={chart ? "report-figure-body with-chart" : "report-figure-body"}>
        {chart ? <div className="report-figure-chart">{chart.type === "bars" ? <BarChart {...props} column={chart.column} /> : <LineChart {...props} column={chart.column} />}</div> : null}
        <div className="report-figure-table table-scroll">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <td />
                {columns.map((column, i) => (
                  <th key={i} scope="col" className={numeric[i] ? "num" : undefined}>
                    {labelText(column, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{labelText(row.label, t)}</th>
                  {columns.map((_, j) => {
                    const cell = row.cells[j] ?? null;
                    return (
                      <td key={j} className={[numeric[j] ? "num" : "", isMasked(cell) ? "report-cell-masked" : ""].join(" ").trim() || undefined}>
                        {cellText(cell, locale, t)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {masked ? <p className="report-figure-note">{t("reports.render.masked")}</p> : null}
    </figure>
  );
}

interface ChartProps {
  figure: ReportFigure;
  title: string;
  column: number;
  t: Translate;
  locale: Locale;
  hatch: string;
}

// Drawn in viewBox units: the chart scales with its column, and its text with it (about
// 13 px on a 360 px phone, 9 pt on A4).
const WIDTH = 360;
const FONT = 14;
const SMALL = 12;
const INK = "#1c1b1a";
const BAR = "#4d4d4d";
const GRID = "#8c8c8c";
const STUB = 22;

const isMasked = (cell: Cell) => cell !== null && "fewerThan" in cell;
const round = (n: number) => Math.round(n * 10) / 10;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);
/** A generous guess at a text's width (no font is measured on the server): 0.6 em a letter. */
const widthOf = (text: string, size: number) => text.length * size * 0.6;
const lettersIn = (width: number, size: number) => Math.floor(width / (size * 0.6));

/** A cell's length on the chart's scale; null for what has none (masked, text, no figure). */
function magnitude(cell: Cell): number | null {
  if (cell === null) return null;
  if ("share" in cell) return cell.share;
  if ("count" in cell) return cell.count;
  if ("days" in cell) return cell.days;
  if ("minutes" in cell) return cell.minutes;
  return null;
}

/** Shares on 0–100 %; counts and durations on 0 to their largest (1 when all are 0). */
function scaleOf(cells: Cell[]): { max: number; shares: boolean } {
  const valued = cells.filter((c) => magnitude(c) !== null);
  if (valued.length > 0 && valued.every((c) => c !== null && "share" in c)) return { max: 1, shares: true };
  return { max: Math.max(0, ...valued.map((c) => magnitude(c)!)) || 1, shares: false };
}

/** The top of a line's scale for counts: the next 1, 2, 2.5 or 5 × 10ⁿ, so its gridlines read as round numbers. */
function niceMax(max: number): number {
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= max)!;
}

function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={6} height={6} fill="#fff" />
        <line x1={0} y1={0} x2={0} y2={6} stroke={INK} strokeWidth={2} />
      </pattern>
    </defs>
  );
}

function Chart({ height, summary, hatch, children }: { height: number; summary: string; hatch: string | null; children: ReactNode }) {
  return (
    <svg className="report-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} xmlns="http://www.w3.org/2000/svg" fontFamily="system-ui, sans-serif" fontSize={FONT} fill={INK}>
      <title>{summary}</title>
      {hatch ? <Hatch id={hatch} /> : null}
      {children}
    </svg>
  );
}

/** One bar a row, its label above it and its value at its end; shares on a 0–100 % scale with its gridlines. */
function BarChart({ figure, title, column, t, locale, hatch }: ChartProps) {
  const rows = figure.table.rows;
  const cells = rows.map((r) => r.cells[column] ?? null);
  const { max, shares } = scaleOf(cells);
  const columnLabel = labelText(figure.table.columns[column]!, t);
  const top = 24;
  const rowHeight = 40;
  const plotWidth = WIDTH - 60;
  const bottom = top + rows.length * rowHeight;
  const height = bottom + (shares ? 20 : 4);
  const values = rows.map((r, i) => t("reports.render.pair", { label: labelText(r.label, t), value: cellText(cells[i], locale, t) }));
  const summary = t("reports.render.chart.bars", { title, column: columnLabel, values: values.join(" ; ") });
  return (
    <Chart height={height} summary={summary} hatch={cells.some(isMasked) ? hatch : null}>
      <text x={0} y={14} fontSize={SMALL} fontWeight={700}>
        {clip(columnLabel, lettersIn(WIDTH, SMALL))}
      </text>
      {shares ? (
        [0, 0.5, 1].map((tick, i) => (
          <g key={tick} className="report-chart-grid">
            <line x1={round(tick * plotWidth) || 0.5} x2={round(tick * plotWidth) || 0.5} y1={top} y2={bottom} stroke={GRID} strokeWidth={1} strokeDasharray={tick === 0 ? undefined : "3 3"} />
            <text x={tick * plotWidth} y={height - 4} fontSize={SMALL} textAnchor={(["start", "middle", "end"] as const)[i]}>
              {formatNumber(tick, locale, { style: "percent" })}
            </text>
          </g>
        ))
      ) : (
        <line x1={0.5} x2={0.5} y1={top} y2={bottom} stroke={GRID} strokeWidth={1} />
      )}
      {rows.map((row, i) => {
        const cell = cells[i];
        const y = top + i * rowHeight;
        const barY = y + 20;
        const length = magnitude(cell);
        const width = length === null ? 0 : round((Math.max(0, length) / max) * plotWidth);
        const end = isMasked(cell) ? STUB : width;
        return (
          <g key={i}>
            <text x={0} y={y + 14}>
              {clip(labelText(row.label, t), lettersIn(WIDTH, FONT))}
            </text>
            {isMasked(cell) ? (
              <rect className="report-chart-masked" x={0.5} y={barY} width={STUB} height={14} fill={`url(#${hatch})`} stroke={INK} strokeDasharray="2 2" />
            ) : width > 0 ? (
              <rect className="report-chart-bar" x={0} y={barY} width={width} height={14} fill={BAR} stroke={INK} strokeWidth={0.5} />
            ) : null}
            <text x={round(end + 5)} y={barY + 12} fontWeight={700}>
              {clip(cellText(cell, locale, t), lettersIn(WIDTH - end - 5, FONT))}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}

/**
 * One point a row, in order, joined by a line that breaks at a masked or missing value (a
 * masked point has no height: it is a hatched square on the axis, written "< 5"). Every
 * point is written while their values fit side by side — above a point, below a trough; in
 * two tiers, above and below by turns, while they fit every other one — and past that only
 * the first, the last, the highest and the lowest, the table beside giving the rest.
 */
function LineChart({ figure, title, column, t, locale, hatch }: ChartProps) {
  const rows = figure.table.rows;
  const n = rows.length;
  const cells = rows.map((r) => r.cells[column] ?? null);
  const scale = scaleOf(cells);
  const max = scale.shares ? 1 : niceMax(scale.max);
  const columnLabel = labelText(figure.table.columns[column]!, t);
  const left = 46;
  const right = 22;
  const top = 44;
  const plotHeight = 150;
  const base = top + plotHeight;
  const height = base + 38;
  const plotWidth = WIDTH - left - right;
  const spacing = n === 1 ? plotWidth : plotWidth / (n - 1);
  const x = (i: number) => round(left + (n === 1 ? plotWidth / 2 : i * spacing));
  const lengths = cells.map(magnitude);
  const texts = cells.map((c) => cellText(c, locale, t));
  const y = (v: number) => round(base - (Math.max(0, v) / max) * plotHeight);
  const ticks = scale.shares ? [0, 0.5, 1] : max % 2 === 0 ? [0, max / 2, max] : [0, max];

  let path = "";
  lengths.forEach((v, i) => {
    if (v !== null) path += `${path && lengths[i - 1] !== null ? "L" : "M"}${x(i)} ${y(v)}`;
  });

  const valueWidth = Math.max(...texts.map((text) => widthOf(text, SMALL))) + 6;
  const layout = spacing >= valueWidth ? "all" : 2 * spacing >= valueWidth ? "tiers" : "ends";
  const valued = lengths.flatMap((v, i) => (v === null ? [] : [i]));
  const highest = valued.reduce((a, i) => (lengths[i]! > lengths[a]! ? i : a), valued[0] ?? 0);
  const lowest = valued.reduce((a, i) => (lengths[i]! < lengths[a]! ? i : a), valued[0] ?? 0);
  const written = (i: number) => layout !== "ends" || i === 0 || i === n - 1 || i === highest || i === lowest;
  const below = (i: number) => {
    if (layout === "tiers") return i % 2 === 1;
    const neighbours = [lengths[i - 1], lengths[i + 1]].filter((v): v is number => v !== null && v !== undefined);
    return neighbours.length > 0 && neighbours.every((v) => v > lengths[i]!);
  };

  // Row labels under the axis, as many as fit: the first and the last at the ends, the others centred, none overlapping.
  const labelLetters = Math.min(18, Math.max(1, ...rows.map((r) => labelText(r.label, t).length)));
  const labelStep = n === 1 ? 1 : Math.max(1, Math.ceil((1.5 * (labelLetters * SMALL * 0.6 + 8)) / spacing));
  const axisLabels = rows.map((_, i) => i).filter((i) => i % labelStep === 0 || i === n - 1);
  if (axisLabels.length > 2 && axisLabels.at(-1)! - axisLabels.at(-2)! < labelStep) axisLabels.splice(-2, 1);

  const pair = (i: number) => t("reports.render.pair", { label: labelText(rows[i]!.label, t), value: texts[i]! });
  const summary = t("reports.render.chart.line", { title, column: columnLabel, count: n, first: pair(0), last: pair(n - 1) });
  return (
    <Chart height={height} summary={summary} hatch={cells.some(isMasked) ? hatch : null}>
      <text x={0} y={14} fontSize={SMALL} fontWeight={700}>
        {clip(columnLabel, lettersIn(WIDTH, SMALL))}
      </text>
      {ticks.map((tick) => (
        <g key={tick} className="report-chart-grid">
          <line x1={left} x2={WIDTH - right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={1} strokeDasharray={tick === 0 ? undefined : "3 3"} />
          <text x={left - 5} y={y(tick) + 4} fontSize={SMALL} textAnchor="end">
            {scale.shares ? formatNumber(tick, locale, { style: "percent" }) : formatNumber(tick, locale)}
          </text>
        </g>
      ))}
      {axisLabels.map((i) => (
        <text key={i} x={x(i)} y={base + 32} fontSize={SMALL} textAnchor={n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle"}>
          {clip(labelText(rows[i]!.label, t), labelLetters)}
        </text>
      ))}
      {path ? <path className="report-chart-line" d={path} fill="none" stroke={INK} strokeWidth={2} strokeLinejoin="round" /> : null}
      {cells.map((cell, i) => {
        const v = lengths[i];
        if (isMasked(cell)) {
          return (
            <g key={i}>
              <rect className="report-chart-masked" x={x(i) - 6} y={base - 12} width={12} height={12} fill={`url(#${hatch})`} stroke={INK} strokeDasharray="2 2" />
              <text x={x(i)} y={base - 17} fontSize={SMALL} textAnchor="middle" fontWeight={700}>
                {texts[i]}
              </text>
            </g>
          );
        }
        if (v === null) {
          return (
            <text key={i} x={x(i)} y={base - 4} fontSize={SMALL} textAnchor="middle">
              {clip(texts[i]!, 6)}
            </text>
          );
        }
        return (
          <g key={i}>
            <circle className="report-chart-point" cx={x(i)} cy={y(v)} r={3.5} fill={INK} />
            {written(i) ? (
              <text x={x(i)} y={below(i) ? y(v) + 17 : y(v) - 8} fontSize={SMALL} textAnchor="middle" fontWeight={700}>
                {texts[i]}
              </text>
            ) : null}
          </g>
        );
      })}
    </Chart>
  );
}
