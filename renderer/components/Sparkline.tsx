/** A tile's little chart: the series as an area scaled to its own maximum. */
import { area, line, scaleLinear } from 'd3';

export function Sparkline({ series, width = 120, height = 28 }: { series: number[]; width?: number; height?: number }) {
  if (series.length === 0) return <svg width={width} height={height} aria-hidden="true" />;
  const max = Math.max(...series, 0) || 1;
  const x = scaleLinear().domain([0, Math.max(1, series.length - 1)]).range([0, width]);
  const y = scaleLinear().domain([0, max]).range([height - 1, 1]);
  const shape = area<number>().x((_, i) => x(i)).y0(height).y1((d) => y(d));
  const edge = line<number>().x((_, i) => x(i)).y((d) => y(d));
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <path className="spark-area" d={shape(series) ?? ''} />
      <path className="spark-line" d={edge(series) ?? ''} />
    </svg>
  );
}
