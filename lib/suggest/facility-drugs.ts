import { detectFamily } from '../em/family';
import { readNote } from '../em/note-view';
import type { Family } from '../domain/visit-family';
import type { Suggestion } from './schema';

/**
 * Visits in a hospital, an emergency department or a nursing facility: the facility supplies the
 * drugs given there and bills them on its own claim; the physician's claim reports the services
 * (Medicare pays a physician for a drug only when the physician bears its cost, as in the office;
 * CMS Claims Processing Manual ch. 12 and ch. 17). An office consultation is not one of them.
 */
const FACILITY = new Set<Family>([
  'ed',
  'initial',
  'subsequent',
  'same-day',
  'discharge',
  'inpatient-consult',
  'critical-care',
  'nursing-initial',
  'nursing-subsequent',
  'nursing-discharge',
]);

/**
 * Drug codes of a note the E/M reader places in a facility with confidence move to the
 * alternatives, saying why; elsewhere they stay on the claim.
 */
export function facilityDrugs(text: string, drugs: Suggestion[]): { kept: Suggestion[]; moved: Suggestion[] } {
  if (drugs.length === 0) return { kept: drugs, moved: [] };
  const reading = detectFamily(readNote(text));
  if (!reading.confident || reading.family === 'none' || !FACILITY.has(reading.family))
    return { kept: drugs, moved: [] };
  const note = `a ${reading.family} visit: the facility supplies the drug and bills it on its own claim, not on the physician's (CMS Claims Processing Manual ch. 12)`;
  return { kept: [], moved: drugs.map((d) => ({ ...d, reason: { ...d.reason, note } })) };
}
