/**
 * The bottom panel: a UTC time axis over the whole capture, the pinned tiles' timelines, and a
 * brush. Brushing selects the time window every panel is filtered by; double-click resets it.
 * The same window can be typed (WindowFields), for the keyboard.
 * d3 owns only the axis and the brush (attached to refs); React draws the series.
 */
import { useEffect, useRef, useState } from 'react';
import { axisBottom, brushX, line, scaleLinear, scaleUtc, select, utcFormat, type BrushBehavior } from 'd3';
import type { TileValue } from '../../shared/ipc/contract';
import { useCapture, useClient } from '../state/context';
import { pixelsFromWindow, windowFromPixels, isWholeCapture } from '../util/timeMapping';
import { formatTimestamp, hasTimestamps } from '../util/format';
import { formatTileValue } from './tileFormat';
import { axisTicks, labelWidthPx } from '../util/axisTicks';
import { WindowFields } from './WindowFields';

const chartHeight = 90;
const axisHeight = 22;
const samples = 200;

export function Timeline() {
  const client = useClient();
  const info = useCapture((s) => s.info);
  const captureId = useCapture((s) => s.captureId);
  const filter = useCapture((s) => s.filter);
  const window = useCapture((s) => s.window);
  const pinned = useCapture((s) => s.pinned);
  const setWindow = useCapture((s) => s.setWindow);
  const togglePin = useCapture((s) => s.togglePin);
  const box = useRef<HTMLDivElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const brush = useRef<BrushBehavior<unknown> | null>(null);
  const [width, setWidth] = useState(800);
  const [series, setSeries] = useState<TileValue[]>([]);
  /** Titles of pinned tiles the filter leaves without data (they are missing from `series`). */
  const [absentTitles, setAbsentTitles] = useState<Map<string, string>>(new Map());
  /** The pinned tiles' totals in the window, when one is set: the lines are the whole capture's. */
  const [inWindow, setInWindow] = useState<Map<string, TileValue>>(new Map());

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth - 16)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The timelines always span the whole capture, so the brush has context around the window.
  useEffect(() => {
    let live = true;
    // With nothing pinned, the first tile (system calls over time) gives the brush some context.
    client.call('tiles', { captureId, filter: filter || undefined, samples })
      .then(async (t) => {
        // A pinned tile the filter leaves empty is still named by its title, which only the
        // unfiltered tiles carry.
        const absent = pinned.filter((id) => !t.some((x) => x.id === id));
        const all = live && absent.length && filter ? await client.call('tiles', { captureId, samples: 1 }).catch(() => []) : [];
        if (!live) return;
        setAbsentTitles(new Map(all.filter((x) => absent.includes(x.id)).map((x) => [x.id, x.title])));
        setSeries(pinned.length ? t.filter((x) => pinned.includes(x.id)) : [t.find((x) => x.id === 'syscalls') ?? t[0]].filter((x) => x !== undefined));
      }, () => { if (live) { setSeries([]); setAbsentTitles(new Map()); } });
    return () => { live = false; };
  }, [client, captureId, filter, pinned]);

  // Beside a window the Overview's tiles count it; a chip saying the whole capture's total alone
  // read as the window's (QA 20: Container Deaths 4 on the tile, 5 on the chip).
  useEffect(() => {
    let live = true;
    setInWindow(new Map());
    if (!window || pinned.length === 0) return;
    client.call('tiles', { captureId, filter: filter || undefined, window, samples: 1 })
      .then((t) => { if (live) setInWindow(new Map(t.filter((x) => pinned.includes(x.id)).map((x) => [x.id, x]))); }, () => undefined);
    return () => { live = false; };
  }, [client, captureId, filter, pinned, window]);

  useEffect(() => {
    if (!info || !axisRef.current) return;
    const x = scaleUtc().domain([new Date(Number(BigInt(info.firstTs) / 1_000_000n)), new Date(Number(BigInt(info.lastTs) / 1_000_000n))]).range([0, width]);
    // 24-hour UTC labels, as precise as the span needs (sysdig prints times in UTC here too).
    const spanMs = Number((BigInt(info.lastTs) - BigInt(info.firstTs)) / 1_000_000n);
    const label = utcFormat(spanMs < 10_000 ? '%H:%M:%S.%L' : spanMs < 86_400_000 ? '%H:%M:%S' : '%b %d %H:%M');
    const [from, to] = x.domain().map((d) => d.getTime());
    const ticks = axisTicks(from, to, width, labelWidthPx(label(new Date(from))));
    select(axisRef.current).call(axisBottom(x).tickValues(ticks).tickFormat((d) => label(d as Date)));
  }, [info, width]);

  useEffect(() => {
    if (!info || !brushRef.current) return;
    const b = brushX<unknown>().extent([[0, 0], [width, chartHeight]]).on('end', (event: { selection: [number, number] | null; sourceEvent?: unknown }) => {
      if (!event.sourceEvent) return; // moved by code, not by the user
      if (!event.selection) { setWindow(undefined); return; }
      const w = windowFromPixels(event.selection[0], event.selection[1], width, info.firstTs, info.lastTs);
      setWindow(isWholeCapture(w, info.firstTs, info.lastTs) || w.from === w.to ? undefined : w);
    });
    brush.current = b;
    const g = select(brushRef.current);
    g.call(b);
    g.on('dblclick', () => setWindow(undefined));
    return () => { g.on('.brush', null).on('dblclick', null); };
  }, [info, width, setWindow]);

  useEffect(() => {
    if (!info || !brushRef.current || !brush.current) return;
    const g = select(brushRef.current);
    if (window) brush.current.move(g, pixelsFromWindow(window, width, info.firstTs, info.lastTs));
    else brush.current.move(g, null);
  }, [info, window, width]);

  if (!info) return null;
  if (!hasTimestamps(info)) {
    return (
      <section className="timeline" aria-label="Timeline" ref={box}>
        <p className="timeline-head dim">No timestamped events: the capture has no time span to chart.</p>
      </section>
    );
  }
  const n = Math.max(1, samples - 1);
  // Pinned tiles with nothing to draw: left out by the filter, or only zeros.
  const flat = (t: TileValue) => t.total === 0 && t.series.every((v) => v === 0);
  const nothingDrawn = pinned.length > 0 && series.every(flat);
  const emptyTitles = [...series.map((t) => t.title), ...pinned.filter((id) => !series.some((t) => t.id === id)).map((id) => absentTitles.get(id) ?? id)];
  return (
    <section className="timeline" aria-label="Timeline" ref={box}>
      <div className="timeline-head">
        <span>{window ? `Window ${formatTimestamp(window.from)} – ${formatTimestamp(window.to)}` : 'Whole capture (drag on the timeline, or Set window…, to select a window)'}</span>
        {window && <button type="button" className="small" onClick={() => setWindow(undefined)}>Reset window</button>}
        <WindowFields info={info} window={window} setWindow={setWindow} />
        {pinned.length > 0 && series.map((t, i) => (
          <button type="button" key={t.id} className={`small legend c${i % 6}`} title="Unpin" onClick={() => togglePin(t.id)}>
            {t.title}: {window ? `${inWindow.has(t.id) ? formatTileValue(inWindow.get(t.id)!) : 'none'} in the window, ${formatTileValue(t)} in all` : formatTileValue(t)} ×
          </button>
        ))}
        {pinned.filter((id) => !series.some((t) => t.id === id)).map((id) => {
          const title = absentTitles.get(id);
          return (
            <button type="button" key={id} className="small legend" title="Unpin" onClick={() => togglePin(id)}>
              {title ? `${title}: none under this filter` : `${id}: not in this capture`} ×
            </button>
          );
        })}
        {pinned.length === 0 && <span className="dim">{series[0] ? `${series[0].title} over time · ` : ''}click a tile to pin its timeline here.</span>}
      </div>
      <div className="timeline-chart-box">
      {/* A blank chart under the chips read as a broken one (QA H79: Container Deaths under the port 53 filter). */}
      {nothingDrawn && (
        <p role="status" className="timeline-empty" style={{ width, height: chartHeight }}>
          {`No ${listOf(emptyTitles)} ${filter ? 'under this filter' : 'in this capture'}: nothing to draw.`}
        </p>
      )}
      <svg width={width} height={chartHeight + axisHeight} className="timeline-chart" role="img" aria-label="Time axis and window brush">
        {series.map((t, i) => {
          const y = scaleLinear().domain([0, Math.max(1, t.max, ...t.series)]).range([chartHeight - 2, 4]);
          const x = scaleLinear().domain([0, Math.max(1, t.series.length - 1 || n)]).range([0, width]);
          const d = line<number>().x((_, j) => x(j)).y((v) => y(v))(t.series) ?? '';
          return <path key={t.id} d={d} className={pinned.length ? `series c${i % 6}` : 'series context'} />;
        })}
        <g ref={brushRef} className="brush" />
        <g ref={axisRef} className="axis" transform={`translate(0,${chartHeight})`} />
      </svg>
      </div>
    </section>
  );
}

/** "A", "A or B", "A, B or C". */
function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
