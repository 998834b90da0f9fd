import { NoteAnalyzer } from '@/lib/suggest/analyze';
import type { Analysis } from '@/lib/suggest/schema';
import {
  AnalyzeRequestSchema,
  BACKGROUND_ANALYSIS_MAX_CHARS,
  FromContentSchema,
  ToBackgroundSchema,
  type AnalyzeReply,
  type PackRef,
} from '../messages';
import { readSettings } from '../db';
import { loadActivePack, RELEASE_CHANNEL } from '../release-store';

/**
 * A warm analyzer in the background, so the side panel's first suggestions do not wait for the
 * panel page to fetch and inflate the code pack, build the match dictionary and JIT the engine
 * (2–4 s on this project's 2-core machine). It warms when a capture script reports a note (the
 * coder is on an enabled EHR site: that note is analysed as the warm-up, as the panel will ask for
 * it) or when a panel starts, and answers `cc:analyze` from then on (the last few answers kept).
 * The panel still loads its own pack for everything else and analyses locally if this fails.
 * Chrome stops an idle service worker after ~30 s: the panel's messages keep it alive while it is
 * open, and the memory is given back once it is closed.
 */
interface Warm {
  analyzer: NoteAnalyzer;
  pack: PackRef;
}

let warm: Promise<Warm> | undefined;
const recent = new Map<string, Analysis>();
const RECENT = 4;

/** A short note that walks the engine's paths (ICD titles, Tabular notes, HCPCS doses, HCC) once, before a coder waits on them. */
const WARM_UP_NOTE = [
  'Chief complaint: follow-up of diabetes and blood pressure.',
  'Assessment: Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a. Essential hypertension.',
  'No chest pain. History of pneumonia. Family history of colon cancer.',
  'Plan: ketorolac 30 mg IM given. Recheck A1c in 3 months.',
].join('\n');

const today = () => new Date().toISOString().slice(0, 10);

const keyOf = (setting: string, dateOfService: string, text: string) => JSON.stringify([setting, dateOfService, text]);

function remember(key: string, analysis: Analysis): void {
  recent.set(key, analysis);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
}

/** The note a capture script reported first: the warm-up analyses it, as the panel will ask (settings' setting, the chart's date). */
interface FirstNote {
  text: string;
  date?: string;
}

async function load(first: FirstNote | undefined): Promise<Warm> {
  performance.mark('cc:bg-warm-start');
  // The analysis copy: the bundled pack without the NCCI tables and the Index (never read by an analysis).
  const [active, settings] = await Promise.all([
    loadActivePack(undefined, 'analysis'),
    readSettings().catch(() => undefined),
  ]);
  performance.mark('cc:bg-pack-ready');
  const analyzer = new NoteAnalyzer(active.pack);
  performance.mark('cc:bg-analyzer-ready');
  const setting = settings?.setting ?? 'office';
  const dateOfService = first?.date ?? today();
  const analysis = analyzer.analyze(first?.text ?? WARM_UP_NOTE, { setting, dateOfService });
  if (first) remember(keyOf(setting, dateOfService, first.text), analysis);
  performance.measure('cc:bg-warm', 'cc:bg-warm-start');
  const releases = [...new Set(active.pack.sources.map((s) => `${s.system} ${s.release}`))];
  return {
    analyzer,
    pack: { origin: active.origin, ...(active.releaseId ? { releaseId: active.releaseId } : {}), releases },
  };
}

/** Loads (once) the active pack and a warmed analyzer; a failure is forgotten so the next request retries. */
export function warmAnalyzer(first?: FirstNote): Promise<Warm> {
  warm ??= load(first).catch((e: unknown) => {
    warm = undefined;
    throw e;
  });
  return warm;
}

/** The options page activated another release: the next request loads it. */
export function forgetAnalyzer(): void {
  warm = undefined;
  recent.clear();
}

export async function analyzeInBackground(raw: unknown): Promise<AnalyzeReply> {
  const parsed = AnalyzeRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'not an analysis request' };
  const { text, setting, dateOfService } = parsed.data;
  try {
    const { analyzer, pack } = await warmAnalyzer();
    const key = keyOf(setting, dateOfService, text);
    let analysis = recent.get(key);
    if (!analysis) {
      analysis = analyzer.analyze(text, { setting, dateOfService });
      remember(key, analysis);
    }
    return { ok: true, pack, analysis };
  } catch (e) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
  }
}

/**
 * The background's runtime.onMessage listener: answers the panel's requests and warms up when a
 * capture script reports a note. Returns undefined for every other message (no reply from here).
 */
export function onBackgroundMessage(raw: unknown, sender: { tab?: { id?: number } }): Promise<unknown> | undefined {
  const request = ToBackgroundSchema.safeParse(raw);
  if (request.success) {
    if (request.data.type === 'cc:analyze') return analyzeInBackground(request.data);
    return warmAnalyzer().then(
      (w) => ({ ok: true, pack: w.pack }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  }
  if (sender.tab !== undefined) {
    const fromPage = FromContentSchema.safeParse(raw);
    const note = fromPage.success && fromPage.data.type === 'cc:note' ? fromPage.data : undefined;
    if (note?.text && note.text.length <= BACKGROUND_ANALYSIS_MAX_CHARS)
      void warmAnalyzer({ text: note.text, ...(note.encounter?.date ? { date: note.encounter.date } : {}) }).catch(
        () => {},
      );
  }
  return undefined;
}

/** Registers the analysis service (synchronously, from the background's main). */
export function startAnalysisService(): void {
  browser.runtime.onMessage.addListener(onBackgroundMessage);
  if (typeof BroadcastChannel === 'function') new BroadcastChannel(RELEASE_CHANNEL).onmessage = () => forgetAnalyzer();
}
