/**
 * Reads one frame of the EHR page: its note and the chart banner's facts, taking only what the
 * coder can see (visibility.ts). The sources, in order of preference, live next to this file:
 * selection-and-focus.ts (what the coder pointed at), the portal adapter's note element,
 * largest-block.ts (the page-wide guess), each read by read-element.ts and named by
 * describe-element.ts; chart.ts reads the banner.
 */

import type { NoteAdapter } from '@/lib/capture/adapter-schema';
import { readChart, type ChartInfo } from './chart';
import { describe } from './describe-element';
import { DEFAULT_LIMITS, type ExtractLimits } from './dom-text';
import { heuristicCapture } from './largest-block';
import { notANoteReason } from './not-a-note';
import { createProbe } from './probe';
import { queryAllPiercing } from './query';
import { fromElement, type Capture } from './read-element';
import { focusedNoteElement, fromSelection } from './selection-and-focus';

export { queryAllPiercing } from './query';
export type { EncounterInfo, PatientHeader } from './chart';
export type { Capture } from './read-element';

export { SOURCE_RANK, type CaptureSource } from '../../messages';

/** What one frame shows the coder: its note (when it has one) and the chart banner's facts. */
export interface FrameReading extends ChartInfo {
  note?: Capture;
  /** Why the frame's largest block of text was not taken for a note (a schedule, a patient list). */
  noNote?: string;
}

/**
 * Reads this frame in the order of preference of issue 5 (selection, focused field, the portal
 * adapter's note element, the largest visible note-like block), and the chart banner. Only what
 * the coder can see is read. An adapter without a note selector marks a page that only frames the
 * chart (tabs, banner): it gives chart facts and no note.
 */
export function readFrame(
  doc: Document,
  adapter: NoteAdapter | undefined,
  limits: ExtractLimits = DEFAULT_LIMITS,
): FrameReading {
  const probe = createProbe(doc);
  const meta = (pageText?: string): ChartInfo => readChart(doc, adapter, probe, pageText);
  const withMeta = (c: Capture, pageText?: string): FrameReading => {
    const chart = meta(pageText);
    return { note: { ...c, ...(adapter ? { adapter: adapter.id } : {}), ...chart }, ...chart };
  };

  const sel = fromSelection(doc, limits, probe);
  if (sel) return withMeta(sel);

  const focused = focusedNoteElement(doc);
  if (focused) {
    const c = fromElement(focused, 'focused', describe(focused), limits, probe);
    if (c) return withMeta(c);
  }
  if (adapter && !adapter.note) return meta();
  if (adapter?.note) {
    const el = queryAllPiercing(doc, adapter.note).find((e) => probe.shown(e));
    const c = el && fromElement(el, 'adapter', adapter.name, limits, probe);
    if (c) return withMeta(c);
  }
  const { capture, pageText } = heuristicCapture(doc, limits, probe);
  const notNote = capture && notANoteReason(capture.text);
  if (notNote) return { ...meta(pageText), noNote: notNote };
  return capture ? withMeta(capture, pageText) : meta(pageText);
}

/** The note of this frame (see readFrame), with the banner's patient and encounter. */
export function captureNote(
  doc: Document,
  adapter: NoteAdapter | undefined,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Capture | undefined {
  return readFrame(doc, adapter, limits).note;
}
