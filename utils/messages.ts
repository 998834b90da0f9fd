import { z } from 'zod';

/**
 * Messages between the content script (one per frame) and the side panel. Validated on receipt:
 * a page can't talk to these listeners, but a stale or foreign message must not crash the panel.
 * Note text travels only inside the browser's extension messaging, never to a network.
 */
const Span = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const HeaderSchema = z.strictObject({ name: z.string().optional(), dob: z.string().optional(), memberId: z.string().optional() });

/** The encounter the chart banner shows; its date is the date of service (ISO). */
export const EncounterSchema = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  id: z.string().max(64).optional(),
});

/**
 * What a frame shows. `source: 'none'` (empty text) says the frame has no note the coder can see
 * (a hidden tab, a page of menus): the panel forgets what it read there before, and may still use
 * the frame's banner (patient, encounter) for the note of another frame.
 */
export const NoteMessageSchema = z.strictObject({
  type: z.literal('cc:note'),
  captureId: z.string(),
  frameUrl: z.string(),
  source: z.enum(['selection', 'focused', 'adapter', 'heuristic', 'none']),
  label: z.string(),
  text: z.string(),
  truncated: z.boolean(),
  adapter: z.string().optional(),
  header: HeaderSchema.optional(),
  encounter: EncounterSchema.optional(),
  /** True in the top frame of the tab (its banner is the chart's banner for notes in child frames). */
  top: z.boolean().optional(),
  /** True when this frame has the focus (the coder clicked or typed in it): its note is preferred. */
  focused: z.boolean().optional(),
  /**
   * The frames this frame embeds (extension frame ids) and whether the coder can see them: a
   * cross-origin child cannot see its own <iframe> element's styles, its parent can. Needs
   * runtime.getFrameId (Firefox); Chrome has none, there a frame judges itself from inside.
   */
  childFrames: z.array(z.strictObject({ frameId: z.number().int(), hidden: z.boolean() })).max(100).optional(),
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
