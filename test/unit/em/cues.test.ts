import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { levelEncounter, FAMILIES, type Family } from '../../../lib/em/em';
import { readNote } from '../../../lib/em/note-view';
import { readData } from '../../../lib/em/data';
import { readProblems } from '../../../lib/em/problems';
import { readRisk } from '../../../lib/em/risk';
import riskData from '../../../lib/em/data/mdm-risk.json';

/**
 * Every cue has a note where it must be read and a note where it must not (convention checked
 * below: a cue added to the data without fixtures fails here).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
interface Cases {
  risk: { id: string; positive: string[]; negative: string[] }[];
  data: { category: string; positive: string[]; negative: string[] }[];
  problems: { class: string; positive: string[]; negative: string[] }[];
  families: { family: Family | 'none'; positive: string[]; negative: string[] }[];
}
const CASES = JSON.parse(readFileSync(path.join(here, 'fixtures/cues.json'), 'utf8')) as Cases;

/** Risk items computed in code rather than listed as data cues. */
const CODE_RISK_IDS = [
  'prescription-drug',
  'over-the-counter',
  'emergency-surgery',
  'major-surgery-risk',
  'major-surgery',
  'minor-surgery-risk',
  'minor-surgery',
];
const DATA_CATEGORIES = [
  'test-ordered',
  'test-reviewed',
  'external-notes',
  'historian',
  'interpretation',
  'discussion',
];
const PROBLEM_CLASSES = [
  'threat',
  'chronic-severe',
  'chronic-worse',
  'chronic-stable',
  'undiagnosed',
  'acute-systemic',
  'complicated-injury',
  'acute',
  'minor',
];

const riskIds = (note: string) => {
  const read = readNote(note);
  const family = levelEncounter(note).kind;
  return readRisk(read, family).items.map((i) => i.id);
};
const familyOf = (note: string) => {
  const r = levelEncounter(note);
  return r.detected.family === 'none' ? 'none' : r.kind;
};

describe('fixture convention: every cue has positive and negative notes', () => {
  it('each risk cue of the data file and each computed risk item', () => {
    const ids = [...riskData.cues.map((c) => c.id), ...CODE_RISK_IDS];
    expect(CASES.risk.map((c) => c.id).sort()).toEqual([...new Set(ids)].sort());
  });
  it('each data category, problem class and family', () => {
    expect(CASES.data.map((c) => c.category).sort()).toEqual([...DATA_CATEGORIES].sort());
    expect(CASES.problems.map((c) => c.class).sort()).toEqual([...PROBLEM_CLASSES].sort());
    expect(CASES.families.map((c) => c.family).sort()).toEqual([...FAMILIES, 'none'].sort());
  });
  it('no case without both kinds of note', () => {
    for (const c of [...CASES.risk, ...CASES.data, ...CASES.problems, ...CASES.families]) {
      expect(c.positive.length).toBeGreaterThan(0);
      expect(c.negative.length).toBeGreaterThan(0);
    }
  });
});

describe('risk cues', () => {
  for (const c of CASES.risk) {
    it.each(c.positive)(`${c.id} read in: %s`, (note) => expect(riskIds(note)).toContain(c.id));
    it.each(c.negative)(`${c.id} not read in: %s`, (note) => expect(riskIds(note)).not.toContain(c.id));
  }
});

describe('data categories', () => {
  const cats = (note: string) => readData(readNote(note)).items.map((i) => i.category);
  for (const c of CASES.data) {
    it.each(c.positive)(`${c.category} read in: %s`, (note) => expect(cats(note)).toContain(c.category));
    it.each(c.negative)(`${c.category} not read in: %s`, (note) => expect(cats(note)).not.toContain(c.category));
  }
});

describe('problem classes', () => {
  const classes = (note: string) => readProblems(readNote(note)).problems.map((p) => p.class);
  for (const c of CASES.problems) {
    it.each(c.positive)(`${c.class} read in: %s`, (note) => expect(classes(note)).toContain(c.class));
    it.each(c.negative)(`${c.class} not read in: %s`, (note) => expect(classes(note)).not.toContain(c.class));
  }
});

describe('visit families', () => {
  for (const c of CASES.families) {
    it.each(c.positive)(`${c.family}: %s`, (note) => expect(familyOf(note)).toBe(c.family));
    it.each(c.negative)(`not ${c.family}: %s`, (note) => expect(familyOf(note)).not.toBe(c.family));
  }
});
