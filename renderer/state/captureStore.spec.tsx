// The per-capture store as the panels use it: each capture keeps its own filter, drill path
// and window, and the URL hash written from one store restores the same place in a new one.
import { describe, expect, it } from 'vitest';
import { createCaptureStore, effectiveFilter, toHashState } from './captureStore';
import { readHash, writeHash } from './hashState';

describe('capture store', () => {
  it('keeps filter, drill path and window per capture', () => {
    const a = createCaptureStore('a', '/tmp/a.scap');
    const b = createCaptureStore('b', '/tmp/b.scap');
    a.getState().setFilter('proc.name = haproxy');
    a.getState().openView('containers');
    a.getState().drillRow('59fd49aa4072');
    a.getState().setWindow({ from: '100', to: '200' });
    expect(b.getState().filter).toBe('');
    expect(b.getState().window).toBeUndefined();
    expect(b.getState().trail.map((s) => s.viewId)).toEqual(['procs']);
    expect(a.getState().trail.map((s) => s.viewId)).toEqual(['containers', 'procs']);
    expect(a.getState().trail[1].filter).toContain('59fd49aa4072');
  });

  it('combines the user filter with the drill filter for the engine', () => {
    const s = createCaptureStore('a', '/tmp/a.scap');
    s.getState().openView('containers');
    s.getState().drillRow('59fd49aa4072');
    s.getState().setFilter('proc.name = haproxy');
    const step = s.getState().trail.at(-1);
    expect(effectiveFilter(s.getState().filter, step)).toBe(`(proc.name = haproxy) and (${step?.filter})`);
    expect(effectiveFilter('  ', undefined)).toBeUndefined();
  });

  it('walks the drill path back one step at a time, then to the overview', () => {
    const s = createCaptureStore('a', '/tmp/a.scap');
    s.getState().openView('containers');
    s.getState().drillRow('59fd49aa4072');
    s.getState().goBack();
    expect(s.getState().trail.map((t) => t.viewId)).toEqual(['containers']);
    expect(s.getState().panel).toBe('views');
    s.getState().goBack();
    expect(s.getState().panel).toBe('overview');
  });

  it('round-trips through the URL hash: view, drill path, filter, window, pins, followed stream', () => {
    const s = createCaptureStore('a', '/captures/inspect 502.scap');
    s.getState().openView('containers');
    s.getState().drillRow('59fd49aa4072');
    s.getState().setFilter('fd.name contains "a&b=c"');
    s.getState().setWindow({ from: '1506127470000000000', to: '1506127475000000000' });
    s.getState().togglePin('containers');
    s.getState().setFollow('13969:0');
    const hash = writeHash(toHashState(s.getState()));
    const restored = createCaptureStore('b', '/captures/inspect 502.scap', readHash(hash));
    const r = restored.getState();
    expect(r.trail).toEqual(s.getState().trail);
    expect(r.filter).toBe('fd.name contains "a&b=c"');
    expect(r.window).toEqual({ from: '1506127470000000000', to: '1506127475000000000' });
    expect(r.pinned).toEqual(['containers']);
    expect(r.follow).toBe('13969:0');
    expect(r.panel).toBe('streams');
    expect(readHash(hash).open).toBe('/captures/inspect 502.scap');
  });
});
