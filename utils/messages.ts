import { z } from 'zod';
import { AnalysisSchema } from '@/lib/suggest/schema';

/**
 * The message contract between the extension's runtimes: the content script (one per frame), the
 * side panel, and the background (service worker in Chrome, event page in Firefox). Every message
 * has a schema here, every sender builds a value of its type and every receiver parses it on
 * receipt: a page can't talk to these listeners, but a stale or foreign message must not crash them.
 * Note text travels only inside the browser's extension messaging, never to a network.
 *
 *   content -> panel, background   cc:note, cc:billing          (FromContent; runtime.sendMessage)
 *   panel -> content               cc:capture, cc:highlight, cc:clear, cc:fill  (ToContent; tabs.sendMessage)
 *   panel -> background            cc:warm, cc:analyze          (ToBackground; reply AnalyzeReply)
 *   background -> panel            cc:panel-capture             (ToPanel)
 */
/** Where the captured text came from, in order of preference (selection first). */
export type CaptureSource = 'selection' | 'focused' | 'adapter' | 'heuristic';
export const SOURCE_RANK: Record<CaptureSource, number> = { selection: 0, focused: 1, adapter: 2, heuristic: 3 };

const Span = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const HeaderSchema = z.strictObject({
  name: z.string().optional(),
  dob: z.string().optional(),
  memberId: z.string().optional(),
});

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
  childFrames: z
    .array(z.strictObject({ frameId: z.number().int(), hidden: z.boolean() }))
    .max(100)
    .optional(),
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
export const HighlightRequestSchema = z.strictObject({
  type: z.literal('cc:highlight'),
  captureId: z.string(),
  spans: z.array(Span).max(50),
  scroll: z.boolean().default(true),
});
export const ClearRequestSchema = z.strictObject({ type: z.literal('cc:clear') });
/** The summary is validated again in the page's content script before anything is typed. */
export const FillRequestSchema = z.strictObject({ type: z.literal('cc:fill'), summary: z.unknown() });
export const ToContentSchema = z.discriminatedUnion('type', [
  CaptureRequestSchema,
  HighlightRequestSchema,
  ClearRequestSchema,
  FillRequestSchema,
]);
export type ToContent = z.infer<typeof ToContentSchema>;

export const HighlightReplySchema = z.strictObject({ painted: z.number(), method: z.string() });

export const FromContentSchema = z.discriminatedUnion('type', [NoteMessageSchema, BillingMessageSchema]);
export type FromContent = z.infer<typeof FromContentSchema>;

/** The fill report the content script answers a cc:fill with. */
export const FillReplySchema = z.union([
  z.strictObject({
    filled: z.number(),
    missing: z.array(z.string()),
    cleared: z.array(z.strictObject({ selector: z.string(), value: z.string() })),
  }),
  z.strictObject({ error: z.string() }),
]);
export type FillReply = z.infer<typeof FillReplySchema>;

/**
 * Notes up to this size are analysed by the background for the panel (ordinary visit notes are
 * 1–20 kB). A larger chart is analysed in the panel itself: its analysis (seconds) and a reply of
 * that size through extension messaging would make the first suggestions later, not sooner.
 */
export const BACKGROUND_ANALYSIS_MAX_CHARS = 100_000;

/** Wake the background's analysis service and load its code pack now (the panel sends it as it starts). */
export const WarmRequestSchema = z.strictObject({ type: z.literal('cc:warm') });
/** Analyse a note with the background's warm analyzer (the first suggestions, before the panel's own pack is loaded). */
export const AnalyzeRequestSchema = z.strictObject({
  type: z.literal('cc:analyze'),
  text: z.string().max(8 * 1024 * 1024),
  setting: z.enum(['office', 'hospital']),
  dateOfService: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>;
export const ToBackgroundSchema = z.discriminatedUnion('type', [WarmRequestSchema, AnalyzeRequestSchema]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/**
 * Which code pack answered: the bundled one or an imported release (the panel drops an answer
 * from another pack), and its releases ("ICD-10-CM FY2027", …) that a review records.
 */
export const PackRefSchema = z.strictObject({
  origin: z.enum(['bundled', 'imported']),
  releaseId: z.string().optional(),
  releases: z.array(z.string()).max(200),
});
export type PackRef = z.infer<typeof PackRefSchema>;
export const WarmReplySchema = z.strictObject({ ok: z.literal(true), pack: PackRefSchema });
export const AnalyzeReplySchema = z.union([
  z.strictObject({ ok: z.literal(true), pack: PackRefSchema, analysis: AnalysisSchema }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type AnalyzeReply = z.infer<typeof AnalyzeReplySchema>;

/** The keyboard shortcut was pressed on a tab: the panel bound to it captures again. */
export const PanelCaptureSchema = z.strictObject({
  type: z.literal('cc:panel-capture'),
  tabId: z.number().int().optional(),
});
export type ToPanel = z.infer<typeof PanelCaptureSchema>;

/** Every message a runtime.sendMessage may carry (content, panel and background senders). */
export type RuntimeMessage = FromContent | ToBackground | ToPanel;

/** The one way to send to the extension's pages and background: the type says which messages exist. */
export function sendRuntime(message: RuntimeMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** The one way to send to a tab's content scripts (every frame, or one). */
export function sendToTab(tabId: number, message: ToContent, frameId?: number): Promise<unknown> {
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, message)
    : browser.tabs.sendMessage(tabId, message, { frameId });
}
