/**
 * The browser host's WebSocket framing: numbered requests, replies carrying the same number,
 * and pushed events. The same zod schemas (schemas.ts) check the payload of every request.
 */
import { z } from 'zod';
import type { ApiError, EngineEvents } from './contract';

export const requestEnvelope = z.strictObject({
  id: z.number().int().min(0),
  method: z.string().min(1).max(100),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelope>;

export type ReplyEnvelope =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ApiError };

export type EventEnvelope<K extends keyof EngineEvents = keyof EngineEvents> = { event: K; data: EngineEvents[K] };

export type ServerMessage = ReplyEnvelope | EventEnvelope;

/** Query-string name of the per-launch secret the host requires. */
export const tokenParam = 'token';
