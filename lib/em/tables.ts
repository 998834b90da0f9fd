import emData from './data/em-rules.json';
import type { Family } from '../domain/visit-family';
import { EmRulesSchema, MDM_LEVELS, type FamilyTable } from './schema';

/*
 * The E/M families and their level tables (data/em-rules.json). A level is supported by medical
 * decision making (MDM: two of its three elements) or by the total time on the date, whichever the
 * family allows; time is met or exceeded (2024 wording). Labels are our own words.
 */
export type MdmLevel = (typeof MDM_LEVELS)[number];
export const MDM_ORDER: readonly MdmLevel[] = MDM_LEVELS;
export type { Family } from '../domain/visit-family';

const RULES = EmRulesSchema.parse(emData);
const BY_ID = new Map<Family, FamilyTable>(RULES.families.map((f) => [f.id, f]));

export function familyTable(family: Family): FamilyTable {
  const t = BY_ID.get(family);
  if (!t) throw new Error(`no E/M table for the ${family} family`);
  return t;
}

type LevelledTable = Extract<FamilyTable, { levels: unknown }>;
export type LevelRow = LevelledTable['levels'][number];

/** The levels of a family levelled by MDM and/or time, lowest first (empty for preventive, eye, disability). */
export function levels(family: Family): LevelRow[] {
  const t = familyTable(family);
  return 'levels' in t ? t.levels : [];
}

export function rank(level: MdmLevel): number {
  return MDM_ORDER.indexOf(level);
}

/** MDM = the highest level that at least two of the three elements reach. */
export function mdmLevel(problems: MdmLevel, data: MdmLevel, risk: MdmLevel): MdmLevel {
  const ranks = [problems, data, risk].map(rank).sort((a, b) => b - a);
  return MDM_ORDER[ranks[1]!]!;
}

/** The level supported by a total time (minutes met or exceeded), if the family is levelled by time. */
export function levelByTime(family: Family, minutes: number): string | undefined {
  const t = familyTable(family);
  if (!('levels' in t) || t.leveling === 'mdm') return undefined;
  let best: string | undefined;
  for (const l of t.levels) if (l.minutes !== undefined && minutes >= l.minutes) best = l.code;
  return best;
}

/** The level an MDM supports, if the family is levelled by MDM (the first level covers anything below its own MDM). */
export function levelByMdm(family: Family, mdm: MdmLevel): string | undefined {
  const t = familyTable(family);
  if (!('levels' in t) || t.leveling === 'time') return undefined;
  let best: string | undefined;
  for (const l of t.levels) if (l.mdm && rank(mdm) >= rank(l.mdm)) best = l.code;
  return best ?? t.levels[0]!.code;
}

/**
 * Prolonged service beyond the family's top level: CPT add-on per full 15 minutes past the top
 * level's minimum time; Medicare's code from its own start (G2212 for the office: 15 minutes past
 * the end of the top level's former time range; G0316/G0317/G0318 for hospital, nursing facility and
 * home). Critical care's add-on counts each 30 minutes from 75 (CPT) or 104 minutes (Medicare).
 */
export function prolonged(
  family: Family,
  minutes: number,
): { code?: string; cpt: number; medicareCode?: string; medicare: number } {
  const t = familyTable(family);
  if (!('levels' in t) || !t.prolonged) return { cpt: 0, medicare: 0 };
  const top = t.levels.at(-1)!.minutes ?? 0;
  const p = t.prolonged;
  const start = p.startsAt ?? top + p.every;
  const cpt = minutes >= start ? 1 + Math.floor((minutes - start) / p.every) : 0;
  const m = p.medicare;
  const medicare = m && minutes >= m.startsAt ? 1 + Math.floor((minutes - m.startsAt) / p.every) : 0;
  return { code: p.cpt, cpt, ...(m ? { medicareCode: m.code } : {}), medicare };
}

const LABELS = new Map<string, string>();
const FAMILY_OF = new Map<string, { family: Family; rank: number }>();
for (const t of RULES.families) {
  if ('levels' in t) {
    t.levels.forEach((l, i) => {
      LABELS.set(l.code, l.label);
      FAMILY_OF.set(l.code, { family: t.id, rank: i });
    });
  } else if ('ageBands' in t) {
    t.ageBands.forEach((b, i) => {
      LABELS.set(b.new, `${b.label}, new patient`);
      LABELS.set(b.established, `${b.label}, established patient`);
      FAMILY_OF.set(b.new, { family: t.id, rank: i });
      FAMILY_OF.set(b.established, { family: t.id, rank: i });
    });
  } else {
    for (const list of [t.new, t.established]) {
      list.forEach((c, i) => {
        LABELS.set(c.code, c.label);
        FAMILY_OF.set(c.code, { family: t.id, rank: i });
      });
    }
  }
}

/** Our own label of an E/M code ("established patient office visit, level 4"); the code itself when unknown. */
export function emLabel(code: string): string {
  return LABELS.get(code) ?? code;
}

/** The family of an E/M code and its place in the family (0 = lowest), if ChartCoder levels it. */
export function familyOfCode(code: string): { family: Family; rank: number } | undefined {
  return FAMILY_OF.get(code);
}

export function familyLabel(family: Family): string {
  return familyTable(family).label;
}

/** What each MDM element needs to reach a level (our own summary of the CPT table). */
export function mdmNeeds(level: Exclude<MdmLevel, 'straightforward'>): {
  problems: string;
  data: string;
  risk: string;
} {
  return RULES.needs[level];
}
