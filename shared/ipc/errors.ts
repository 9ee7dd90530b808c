/** Failures travel as `ApiError` (one line plus a code); this turns anything thrown into one. */
import type { ApiError } from './contract';

export class ApiFailure extends Error {
  constructor(readonly code: ApiError['code'], message: string) {
    super(message);
    this.name = 'ApiFailure';
  }
}

const codes: ReadonlySet<string> = new Set(['bad-request', 'not-found', 'bad-capture', 'bad-filter', 'cancelled', 'internal']);

export function toApiError(err: unknown): ApiError {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unexpected failure';
  const message = (raw.split('\n')[0] || 'unexpected failure').slice(0, 500);
  const code = (err as { code?: unknown } | null)?.code;
  return { message, code: typeof code === 'string' && codes.has(code) ? (code as ApiError['code']) : 'internal' };
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).message === 'string'
    && typeof (value as ApiError).code === 'string';
}
