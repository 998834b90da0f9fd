import { readSettings } from '@/utils/db';
import { BACKGROUND_ANALYSIS_MAX_CHARS, sendRuntime } from '@/utils/messages';
import {
  bestCapture,
  onBilling,
  onNote,
  requestCapture,
  targetTabId,
  type FrameBilling,
  type FrameCapture,
} from '@/utils/tab-link';
import { prefetchAnalysis } from './hooks/useBackgroundAnalysis';

/**
 * What the panel does as its script starts, before React has rendered anything: it asks the tab
 * to capture, wakes the background, reads the settings, and as soon as the note arrives asks the
 * background for its analysis (the same request the panel's hooks make, kept until they ask). The
 * panel's own code pack waits until the first suggestions are on screen (`packGate`), so its
 * fetch and inflation do not compete with them for the CPU.
 */
export interface EarlyLink {
  tabId: Promise<number | undefined>;
  /** Whether a capture script answered the first capture request. */
  answered: Promise<boolean>;
  /** The captures received so far, by frame. */
  captures: Map<number, FrameCapture>;
  billing?: FrameBilling;
}

let early: (EarlyLink & { stop(): void }) | undefined;
let taken = false;
let openGate: () => void = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));

const today = () => new Date().toISOString().slice(0, 10);

/** Starts the panel's link to its tab and the first analysis request (once per page). */
export function startEarlyLink(patienceMs = 4000): void {
  if (early) return;
  setTimeout(() => openGate(), patienceMs);
  void sendRuntime({ type: 'cc:warm' }).catch(() => {});
  let tab: number | undefined;
  const tabId = targetTabId().then(
    (id) => (tab = id),
    () => undefined,
  );
  const captures = new Map<number, FrameCapture>();
  const settings = readSettings().catch(() => undefined);
  let asked = false;
  const offNote = onNote(
    () => tab,
    (c) => {
      captures.set(c.frameId, c);
      const note = bestCapture(captures.values());
      if (asked || !note || note.text.length > BACKGROUND_ANALYSIS_MAX_CHARS) return;
      asked = true;
      // The key the panel's hooks will use: the settings' setting, the chart's date (the coder has not changed it yet).
      void settings.then((s) => prefetchAnalysis(note.text, s?.setting ?? 'office', note.encounter?.date ?? today()));
    },
  );
  const offBilling = onBilling(
    () => tab,
    (b) => {
      if (early) early.billing = b;
    },
  );
  const answered = tabId.then((id) => (id === undefined ? false : requestCapture(id)));
  early = {
    tabId,
    answered,
    captures,
    stop: () => {
      offNote();
      offBilling();
    },
  };
}

/**
 * The panel's hooks take the link over (once): what arrived so far, and the early listeners stop.
 * Called synchronously before the hook registers its own listeners, so no message falls between.
 */
export function takeEarlyLink(): EarlyLink | undefined {
  if (!early || taken) return undefined;
  taken = true;
  early.stop();
  return early;
}

/** Resolves when the panel may load its own code pack: the first suggestions are shown, the panel must analyse itself, the page has no note, or after the patience time. */
export function packGate(): Promise<void> {
  return gate;
}

export function openPackGate(): void {
  openGate();
}
