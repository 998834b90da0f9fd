import type { EmResult } from './result';
import { familyTable, levels, mdmNeeds, prolonged, rank } from './tables';
import type { Family } from '../domain/visit-family';

/** What the next level up needs (time, or the MDM elements short of it), said in the coder's terms. */

/** Critical care: the minutes where the next add-on unit starts (CPT, and Medicare's later start). */
export function nextCriticalCareUnit(minutes: number): { nextLevel: string } {
  const p = prolonged('critical-care', minutes);
  const table = familyTable('critical-care');
  const addOn = 'prolonged' in table ? table.prolonged : undefined;
  const every = addOn?.every ?? 30;
  const cpt = (addOn?.startsAt ?? 75) + every * p.cpt;
  const medicare = (addOn?.medicare?.startsAt ?? 104) + every * p.medicare;
  return {
    nextLevel: `99292 x${p.cpt + 1} needs ${cpt} minutes of critical care (Medicare: x${p.medicare + 1} from ${medicare} minutes)`,
  };
}

export function nextLevel(family: Family, code: string | undefined, mdm: EmResult['mdm']): { nextLevel?: string } {
  const list = levels(family);
  const next = list[(code ? list.findIndex((l) => l.code === code) : -1) + 1];
  if (!next) return {};
  const parts: string[] = [];
  if (next.minutes !== undefined && familyTable(family).leveling !== 'mdm')
    parts.push(`${next.minutes} minutes of total time on the date`);
  if (next.mdm && mdm.applies && next.mdm !== 'straightforward') {
    const needs = mdmNeeds(next.mdm);
    const short = (['problems', 'data', 'risk'] as const).filter((e) => rank(mdm[e]) < rank(next.mdm!));
    const have = 3 - short.length;
    parts.push(
      `${next.mdm} MDM (two of three elements; ${have} there now${short.length ? ` — ${short.map((e) => `${e} (now ${mdm[e]}) needs ${needs[e]}`).join('; ')}` : ''})`,
    );
  }
  if (family === 'discharge' || family === 'nursing-discharge')
    parts.splice(0, parts.length, `more than 30 minutes on the discharge day documented`);
  return parts.length ? { nextLevel: `${next.code} needs ${parts.join(', or ')}` } : {};
}
