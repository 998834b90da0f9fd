import { readData } from './data';
import { patientStatus, type FamilyReading } from './family';
import { discharged, plannedOperation } from './global-surgery';
import { nextCriticalCareUnit, nextLevel } from './next-level';
import { ageYears } from './note-facts';
import type { EmNote } from './note-view';
import { readProblems } from './problems';
import { CRITICAL_CARE_MINUTES, EMPTY_MDM, type EmResult } from './result';
import { readRisk } from './risk';
import { emLabel, familyTable, levelByMdm, levelByTime, levels, mdmLevel, prolonged } from './tables';
import { findTotalTime } from './time';
import type { Family } from '../domain/visit-family';

/*
 * Levels a read note in one family: preventive visits by age, eye and disability examinations by
 * extent, the others by the higher of MDM (two of three elements) and documented total time where
 * the family allows each, with the advice that goes with the level.
 */
export function levelIn(read: EmNote, family: Family, detected: FamilyReading): EmResult {
  const table = familyTable(family);
  const status = detected.status ?? (table.setting === 'office' ? patientStatus(read).status : undefined);
  const t = findTotalTime(read.doc.text);
  const advice: string[] = [];
  const base = { kind: family, detected, ...(status ? { status } : {}), advice };
  const timePart = t ? { timeMinutes: t.minutes, timeEvidence: t.evidence } : {};

  if (table.leveling === 'age') {
    const age = ageYears(read);
    const band = age === undefined ? undefined : table.ageBands.find((b) => age <= b.maxAgeYears);
    const code = band ? (status === 'new' ? band.new : band.established) : undefined;
    advice.push(table.note);
    return {
      ...base,
      ...timePart,
      mdm: EMPTY_MDM(false),
      ...(code
        ? { code, label: emLabel(code) }
        : { nothingToLevel: 'a preventive visit without a documented age: the code follows the age band' }),
      basis: code ? 'age' : 'none',
      prolonged: { cpt: 0, medicare: 0 },
    };
  }
  if (table.leveling === 'extent') {
    const list = status === 'new' ? table.new : table.established;
    const fuller = table.fuller.filter((p) => new RegExp(p, 'i').test(read.doc.view)).length >= table.fullerNeeds;
    const code = (fuller ? list.at(-1) : list[0])!.code;
    advice.push(table.note);
    return {
      ...base,
      ...timePart,
      mdm: EMPTY_MDM(false),
      code,
      label: emLabel(code),
      basis: 'extent',
      prolonged: { cpt: 0, medicare: 0 },
    };
  }

  const applies = table.leveling !== 'time';
  const p = readProblems(read);
  const d = readData(read);
  const r = readRisk(read, family);
  const level = mdmLevel(p.level, d.level, r.level);
  const mdm: EmResult['mdm'] = {
    problems: p.level,
    data: d.level,
    risk: r.level,
    level,
    applies,
    evidence: {
      problems: p.problems
        .filter((x) => x.level === p.level || p.level === 'moderate')
        .flatMap((x) => x.evidence)
        .slice(0, 6),
      data: d.items.flatMap((x) => x.evidence).slice(0, 8),
      risk: r.items
        .filter((x) => x.level === r.level)
        .flatMap((x) => x.evidence)
        .slice(0, 6),
    },
    why: { problems: p.why, data: d.why, risk: r.why },
    details: { problems: p.problems, data: d.items, risk: r.items },
  };
  // Words without any heading, problem, test, management or time are not a visit note; a note with
  // headings whose assessment and plan are missing (cut short) is still levelled, at its lowest.
  if (applies && !t && read.doc.sections.length <= 1 && p.problems.length + d.items.length + r.items.length === 0) {
    return {
      ...base,
      mdm,
      nothingToLevel: 'no problem, test, management or time statement found: nothing to level',
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
    };
  }
  const byTime = t ? levelByTime(family, t.minutes) : undefined;
  const byMdm = applies ? levelByMdm(family, level) : undefined;
  const codes = levels(family).map((l) => l.code);
  const at = (c?: string) => (c ? codes.indexOf(c) : -1);
  let code = at(byTime) >= at(byMdm) ? byTime : byMdm;
  let basis: EmResult['basis'] =
    code === undefined ? 'none' : code === byTime && at(byTime) >= at(byMdm) ? 'time' : 'mdm';
  if (!code && table.withoutTime) {
    code = table.withoutTime;
    basis = 'default';
  }
  if (!code && family === 'critical-care') {
    return {
      ...base,
      ...timePart,
      mdm,
      nothingToLevel: `critical care is reported by its time: ${CRITICAL_CARE_MINUTES} minutes or more must be documented (${t ? `${t.minutes} found` : 'none found'}); under that, report the hospital or emergency-department visit`,
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
      advice: [table.note ?? ''],
    };
  }
  if (family === 'discharge') discharged(read, advice);
  if (family === 'initial') plannedOperation(read, advice);
  if (
    family === 'office-consult' ||
    family === 'inpatient-consult' ||
    family === 'critical-care' ||
    family.startsWith('home-')
  )
    advice.push(table.note ?? '');
  return {
    ...base,
    ...timePart,
    ...(byTime ? { byTime } : {}),
    mdm,
    ...(byMdm ? { byMdm } : {}),
    ...(code ? { code, label: emLabel(code) } : {}),
    basis,
    prolonged: t ? prolonged(family, t.minutes) : { cpt: 0, medicare: 0 },
    ...(family === 'critical-care' && t ? nextCriticalCareUnit(t.minutes) : nextLevel(family, code, mdm)),
    advice: advice.filter(Boolean),
  };
}
