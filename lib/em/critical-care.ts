import { CRITICAL_CARE_MINUTES } from './result';
import type { Span } from './note-view';

/*
 * Critical care is reported by the time the physician spends on it that day, not by the kind of
 * note it is written in (CPT critical care guidelines: the first 30 to 74 minutes are one unit of
 * the first-hour code, each further full 30 minutes an add-on unit; under 30 minutes the visit is
 * reported as the E/M service it otherwise is). An emergency physician's record or an admission
 * history and physical that states "critical care time ... was 45 minutes" is therefore a
 * critical-care service, whatever its headings say. Only minutes written in the same sentence as
 * the words "critical care" count: a total visit time is not critical-care time.
 */
const NUMBER = String.raw`(\d{1,3})`;
const UNIT = String.raw`(minutes?|mins?|hours?|hrs?)\b`;
const TIME_OF_CARE: RegExp[] = [
  // "Critical care time outside billable procedures was 45 minutes", "critical care time: 40 min"
  new RegExp(String.raw`\bcritical[- ]care\s+time\b[^.;\d]{0,80}?${NUMBER}\s*${UNIT}`, 'gi'),
  // "45 minutes of critical care", "35 minutes of direct critical care time"
  new RegExp(String.raw`${NUMBER}\s*${UNIT}\s+of\s+(?:direct\s+|total\s+)?critical[- ]care\b`, 'gi'),
  // "I spent 50 minutes providing critical care", "spent 40 minutes in critical care"
  new RegExp(
    String.raw`\bspent\s+(?:a\s+total\s+of\s+|approximately\s+|about\s+)?${NUMBER}\s*${UNIT}[^.;]{0,40}?\b(?:providing|delivering|in|on)\s+(?:direct\s+)?critical[- ]care\b`,
    'gi',
  ),
];

/** "Less than 30 minutes" is not 30: such a statement is read one minute short. */
const LESS = /\b(less|fewer) than\s*$|\bunder\s*$|<\s*$/i;

/** The critical-care minutes the note documents (the largest statement), with its words. */
export function criticalCareTime(text: string): { minutes: number; evidence: Span } | undefined {
  let best: { minutes: number; evidence: Span } | undefined;
  for (const re of TIME_OF_CARE) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const [num, unit] = [m[1]!, m[2]!.toLowerCase()];
      let minutes = Number(num) * (unit.startsWith('h') ? 60 : 1);
      const numAt = m.index + m[0].indexOf(num);
      if (LESS.test(text.slice(Math.max(0, numAt - 15), numAt))) minutes -= 1;
      if (minutes <= 0 || minutes > 600) continue;
      if (!best || minutes > best.minutes)
        best = { minutes, evidence: { start: m.index, end: m.index + m[0].length, text: m[0] } };
    }
  }
  return best;
}

/** Critical-care time that reaches the first unit: the note is reported as critical care. */
export function reportsCriticalCare(text: string): { minutes: number; evidence: Span } | undefined {
  const t = criticalCareTime(text);
  return t && t.minutes >= CRITICAL_CARE_MINUTES ? t : undefined;
}
