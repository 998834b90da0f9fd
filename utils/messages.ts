import { z } from 'zod';

/**
 * Messages between the content script (one per frame) and the side panel. Validated on receipt:
 * a page can't talk to these listeners, but a stale or foreign message must not crash the panel.
 * Note text travels only inside the browser's extension messaging, never to a network.
 */
const Span = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const HeaderSchema = z.strictObject({ name: z.string().optional(), dob: z.string().optional(), memberId: z.string().optional() });

export const NoteMessageSchema = z.strictObject({
  type: z.literal('cc:note'),
  captureId: z.string(),
  frameUrl: z.string(),
  source: z.enum(['selection', 'focused', 'adapter', 'heuristic']),
  label: z.string(),
  text: z.string(),
  truncated: z.boolean(),
  adapter: z.string().optional(),
  header: HeaderSchema.optional(),
  /** performance.timeOrigin + now() in the frame: lets the panel measure capture latency. */
  capturedAt: z.number(),
});
export type NoteMessage = z.infer<typeof NoteMessageSchema>;

/** A billing portal's charge-entry page (from its adapter): who the form is for and what is on it. */
export const BillingMessageSchema = z.strictObject({
  type: z.literal('cc:billing'),
  frameUrl: z.string(),
  adapter: z.string(),
  adapterName: z.string(),
  patient: HeaderSchema,
  billedCodes: z.string(),
});
export type BillingMessage = z.infer<typeof BillingMessageSchema>;

export const CaptureRequestSchema = z.strictObject({ type: z.literal('cc:capture') });
export const HighlightRequestSchema = z.strictObject({ type: z.literal('cc:highlight'), captureId: z.string(), spans: z.array(Span).max(50), scroll: z.boolean().default(true) });
export const ClearRequestSchema = z.strictObject({ type: z.literal('cc:clear') });
/** The summary is validated again in the page's content script before anything is typed. */
export const FillRequestSchema = z.strictObject({ type: z.literal('cc:fill'), summary: z.unknown() });
export const ToContentSchema = z.discriminatedUnion('type', [CaptureRequestSchema, HighlightRequestSchema, ClearRequestSchema, FillRequestSchema]);
export type ToContent = z.infer<typeof ToContentSchema>;

export const HighlightReplySchema = z.strictObject({ painted: z.number(), method: z.string() });
