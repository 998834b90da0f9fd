/**
 * A capture (the note text read from one element, and the map of its offsets back to the page)
 * and the reading of one element: a text box by its value, any other element by its visible text.
 */

import { normalizeValue } from '@/lib/capture/normalize-chars';
import type { EncounterInfo, PatientHeader } from './chart';
import { extractText, type ExtractedText, type ExtractLimits } from './dom-text';
import type { Probe } from './probe';
import type { CaptureSource } from '../../messages';

export interface Capture {
  source: CaptureSource;
  /** Human label of what was read ("selection", "textarea#note", adapter name …). */
  label: string;
  text: string;
  truncated: boolean;
  /**
   * DOM side of the offsets: an extracted subtree (base = offset of text[0] in it) or a text field
   * (raw[i] = offset in the field's value of text[i], when invisible characters were removed).
   */
  map:
    | { kind: 'dom'; extracted: ExtractedText; base: number }
    | { kind: 'field'; field: HTMLTextAreaElement | HTMLInputElement; raw?: Uint32Array };
  adapter?: string;
  header?: PatientHeader;
  encounter?: EncounterInfo;
}

/** Shortest text worth analysing: a selection of two words is a click, not a note. */
export const MIN_TEXT = 20;

/** A text box: read by its value, which is not part of the DOM's text. */
export function isTextField(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

/** What one element holds, or undefined when it is too short to be a note (MIN_TEXT). */
export function fromElement(
  el: Element,
  source: CaptureSource,
  label: string,
  limits: ExtractLimits,
  probe: Probe,
): Capture | undefined {
  if (isTextField(el)) {
    const value = el.value.slice(0, limits.maxChars);
    const { text, raw } = normalizeValue(value);
    if (text.trim().length < MIN_TEXT) return undefined;
    return {
      source,
      label,
      text,
      truncated: el.value.length > value.length,
      map: { kind: 'field', field: el, ...(raw ? { raw } : {}) },
    };
  }
  const extracted = extractText(el, limits, { probe });
  if (extracted.text.trim().length < MIN_TEXT) return undefined;
  return {
    source,
    label,
    text: extracted.text,
    truncated: extracted.truncated,
    map: { kind: 'dom', extracted, base: 0 },
  };
}
