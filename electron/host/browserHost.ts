/**
 * The browser host: the same renderer and the same API as the Electron app, served on
 * 127.0.0.1 so a plain browser (and the end-to-end tests) can drive the real engine.
 *
 * Why it is safe to leave running: it listens on loopback only; every WebSocket must present
 * the random per-launch token, come from this host's own origin (so another web page cannot
 * talk to it) and name this host in its Host header (so DNS rebinding cannot reach it); every
 * request is checked by the shared zod schemas before it reaches the engine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppApi } from '../../shared/ipc/schemas';
import { requestEnvelope, tokenParam, type EventEnvelope, type ReplyEnvelope } from '../../shared/ipc/wire';
import { toApiError } from '../../shared/ipc/errors';
import { createSession } from './dispatch';
import { newToken, tokenMatches } from './token';
import { readStaticFile } from './staticFiles';

export interface EngineEventSource {
  /** Calls the listener for every pushed engine event; returns the unsubscribe function. */
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}

export interface BrowserHostOptions {
  api: AppApi;
  events: EngineEventSource;
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** A capture the page opens as soon as it loads. */
  openPath?: string;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  /** Number of live WebSocket connections (tests use it). */
  connections(): number;
  close(): Promise<void>;
}

export const contentSecurityPolicy = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? newToken();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => { void serveFile(req, res); });
  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'wrong host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const file = await readStaticFile(opts.rendererDir, req.url ?? '/');
    if (!file) return refuse(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': file.contentType, 'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ok = url.pathname === '/api' && allowedHosts().has(req.headers.host ?? '')
      && allowedOrigins().has(req.headers.origin ?? '') && tokenMatches(token, url.searchParams.get(tokenParam));
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const session = createSession(opts.api);
    const send = (message: ReplyEnvelope | EventEnvelope) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = opts.events.onEvent((event) => {
      if (session.openCaptures().includes(event.data.captureId)) send(event);
    });
    ws.on('message', (raw) => { void answer(String(raw)); });
    async function answer(raw: string): Promise<void> {
      let parsed: unknown;
      try { parsed = JSON.parse(raw); } catch { return ws.close(1003, 'not JSON'); }
      const envelope = requestEnvelope.safeParse(parsed);
      if (!envelope.success) return ws.close(1003, 'malformed request');
      const { id, method, params } = envelope.data;
      try {
        send({ id, ok: true, result: await session.call(method, params) });
      } catch (err) {
        send({ id, ok: false, error: toApiError(err) });
      }
    }
    ws.on('close', () => { unsubscribe(); void session.dispose(); });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  port = (server.address() as AddressInfo).port;
  const hash = opts.openPath ? `#open=${encodeURIComponent(opts.openPath)}` : '';
  return {
    url: `http://127.0.0.1:${port}/?${tokenParam}=${token}${hash}`,
    port,
    token,
    connections: () => sockets.clients.size,
    close: async () => {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => { sockets.close(() => resolve()); });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(res: ServerResponse, status: number, why: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(why);
}
