/**
 * The shape of a stored or received agenda, checked wherever one crosses a boundary (the pair
 * workspace file, another client's live state): a document that does not match is refused with
 * the first problem named, never merged.
 */
import { z } from 'zod';
import type { AgendaDoc } from '@/domain/agenda/agenda';
import type { WorkspaceDocument } from '@/domain/booking/workspace';
import { liveKeySchema } from './live-crypto';

const clock = z.record(z.string().max(80), z.number().int().min(0));
const register = <T extends z.ZodType>(value: T) => z.array(z.object({ value, clock, by: z.string().max(80) })).max(16);
const lww = <T extends z.ZodType>(value: T) => z.object({ value, at: z.number().int().min(0), client: z.string().max(80) });
const text = z.string().max(4000);

const itemSchema = z.object({
  id: z.string().min(1).max(80),
  session: z.string().max(10),
  createdBy: z.string().max(80),
  text: register(text),
  notes: register(text),
  done: lww(z.boolean()),
  owner: lww(z.enum(['executive', 'mentor']).nullable()),
  position: lww(z.string().max(200)),
  deleted: lww(z.boolean()),
});

export const agendaSchema = z.object({
  items: z.record(z.string(), itemSchema),
  goals: register(text),
  conduct: register(text),
  expectations: z.record(z.string(), register(text)),
  agreed: z.record(z.string(), lww(text.nullable())),
  current: lww(z.string().max(80).nullable()),
  reviews: z.record(z.string(), register(z.object({ useful: z.number().int().min(1).max(5), learnt: z.string().max(500) }))),
});

const workspaceSchema = z.object({
  v: z.literal(1),
  pair: z.object({ key: z.string(), executiveId: z.string(), mentorId: z.string() }),
  agenda: agendaSchema,
  liveKey: liveKeySchema.optional(),
});

export class AgendaFormatError extends Error {
  override readonly name = 'AgendaFormatError';
}

function parse<T>(schema: z.ZodType, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AgendaFormatError(`${what} is not in the expected form (${issue.path.join('.') || 'document'}: ${issue.message}).`);
  }
  return parsed.data as T;
}

export const parseAgenda = (value: unknown, what = 'The agenda'): AgendaDoc => parse<AgendaDoc>(agendaSchema, value, what);
export const parseWorkspace = (value: unknown): WorkspaceDocument => parse<WorkspaceDocument>(workspaceSchema, value, 'The pair workspace');
