/**
 * The findings and export calls for one open capture (shared/findings/findingsApi.ts): the
 * same code as `syscope report` and `syscope export`, answering with file contents for the
 * renderer to save. Tables, tiles and capture facts come through the engine API (`source`);
 * events, streams and the tree through evidence passes over the file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DataExportReply, DataExportRequest, ExportedFile, FindingsApi, FindingsExportReply, FindingsExportRequest } from '../../../shared/findings/findingsApi';
import { ApiFailure } from '../../../shared/ipc/errors';
import { openEvidence, openTreeEvidence } from '../evidence/openEvidence';
import { scanLifecycle } from '../evidence/lifecycleScan';
import { windowIncludingEnd, type NsWindow } from '../evidence/eventWalk';
import { buildFindingsReport, type ReportSource } from './findingsReport';
import { captureFileIdentity } from './captureIdentity';
import { memorySink } from './output';
import { exportView } from './viewExport';
import { defaultExportFields, exportEvents } from './eventsExport';
import { exportStream } from './streamExport';
import { processTreeJson } from './treeExport';

/** Exports travel to the renderer whole; beyond this the CLI (which streams to a file) is the tool. */
export const appExportLimit = 256 << 20;

/** The capture's name without .scap / .scap.gz, for the files' names. */
export function captureBaseName(path: string): string {
  return basename(path).replace(/\.scap(\.gz)?$/i, '').replace(/\.gz$/i, '') || 'capture';
}

function nsWindow(w: { from: string; to: string } | undefined): NsWindow | undefined {
  return w ? windowIncludingEnd(BigInt(w.from), BigInt(w.to)) : undefined;
}

/** Problems a user can fix (a bad filter, an unknown field) reach the renderer as bad requests. */
function userProblem(err: unknown): never {
  if (err instanceof ApiFailure) throw err;
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const userFixable = err instanceof Error && (err.name === 'UsageError' || /too large to hand to the app/.test(err.message));
  throw new ApiFailure(userFixable ? 'bad-request' : 'internal', message);
}

export class ExportService implements FindingsApi {
  constructor(private readonly path: string, private readonly source: (captureId: string) => ReportSource, private readonly signal?: AbortSignal) {}

  async exportFindings({ captureId, findings }: FindingsExportRequest): Promise<FindingsExportReply> {
    const base = `${captureBaseName(this.path)}-findings`;
    const dir = findings.includeSubset ? mkdtempSync(join(tmpdir(), 'syscope-report-')) : undefined;
    try {
      const subsetPath = dir ? join(dir, `${base}-evidence.scap`) : undefined;
      const report = await buildFindingsReport({ capturePath: this.path, commandPath: basename(this.path), findings, source: this.source(captureId), subsetPath, signal: this.signal }).catch(userProblem);
      const id = await captureFileIdentity(this.path);
      const saved = { ...findings, capture: { fileName: id.fileName, sizeBytes: id.sizeBytes, sha256: id.sha256 } };
      const files: ExportedFile[] = [
        { fileName: `${base}.html`, mimeType: 'text/html', content: report.html, encoding: 'utf8' },
        { fileName: `${base}.md`, mimeType: 'text/markdown', content: report.markdown, encoding: 'utf8' },
        { fileName: `${base}.json`, mimeType: 'application/json', content: JSON.stringify(saved, null, 2) + '\n', encoding: 'utf8' },
      ];
      if (subsetPath && report.model.subset) {
        files.push({ fileName: basename(subsetPath), mimeType: 'application/octet-stream', content: readFileSync(subsetPath).toString('base64'), encoding: 'base64' });
      }
      return { files, steps: report.model.steps.length, evidence: report.model.evidence.length, warnings: report.model.warnings };
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }

  async exportData(req: DataExportRequest): Promise<DataExportReply> {
    const base = captureBaseName(this.path);
    const cli = req.what === 'view' ? `view ${req.viewId}` : req.what;
    const out = memorySink(appExportLimit, `this export is over ${appExportLimit >> 20} MiB, too large to hand to the app: narrow the filter or window, or run syscope export <capture> ${cli} ... -o FILE`);
    try {
      switch (req.what) {
        case 'view': {
          const source = this.source(req.captureId);
          const n = await exportView((q) => source.view(q), { viewId: req.viewId, filter: req.filter, window: req.window, sort: req.sort }, req.format, out);
          return { items: n, file: { fileName: `${base}-${req.viewId}.${req.format}`, mimeType: req.format === 'csv' ? 'text/csv' : 'application/json', content: out.text(), encoding: 'utf8' } };
        }
        case 'events': {
          const { walk, predicate, resolve } = openEvidence(this.path, req.filter ?? '', this.signal);
          const n = await exportEvents(walk, { fields: req.fields ?? defaultExportFields(req.format), resolve, predicate, window: nsWindow(req.window) }, req.format, out);
          return { items: n, file: { fileName: `${base}-events.${req.format}`, mimeType: req.format === 'csv' ? 'text/csv' : 'application/x-ndjson', content: out.text(), encoding: 'utf8' } };
        }
        case 'stream': {
          const { walk, predicate } = openEvidence(this.path, req.filter ?? '', this.signal);
          const s = await exportStream(walk, { follow: req.follow, predicate, window: nsWindow(req.window) }, req.format, out);
          const name = `${base}-stream-${req.follow.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80)}.${req.format === 'raw' ? 'bin' : 'txt'}`;
          const file: ExportedFile = req.format === 'raw'
            ? { fileName: name, mimeType: 'application/octet-stream', content: Buffer.from(out.bytes()).toString('base64'), encoding: 'base64' }
            : { fileName: name, mimeType: 'text/plain', content: out.text(), encoding: 'utf8' };
          return { items: s.operations, file };
        }
        case 'tree': {
          const { walk, predicate } = openTreeEvidence(this.path, req.filter ?? '', this.signal);
          const life = await scanLifecycle(walk, predicate);
          return { items: life.processes.length, file: { fileName: `${base}-process-tree.json`, mimeType: 'application/json', content: processTreeJson(life), encoding: 'utf8' } };
        }
      }
    } catch (err) {
      return userProblem(err);
    }
  }
}
