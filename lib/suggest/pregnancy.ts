import { z } from 'zod';
import data from './data/pregnancy-conditions.json';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import { weeksCode } from './maternal-record';
import { isNewborn } from './newborn';
import type { Suggestion } from './schema';

const Schema = z.strictObject({
  about: z.string(),
  pregnant: z.array(z.string().min(1)),
  not_in_sentence: z.string().min(1),
  not_antepartum: z.string().min(1),
  puerperal: z.array(z.string().min(1)),
  not_puerperal: z.string().min(1),
  conditions: z.array(
    z.strictObject({
      prefixes: z.array(z.string().min(1)).min(1),
      base: z.string().min(3),
      keep: z.boolean(),
      /** The code of the condition in the puerperium (six weeks after delivery, I.C.15.o). */
      puerperium: z.string().min(3).optional(),
      why: z.string().min(1),
    }),
  ),
});
const DATA = Schema.parse(data);
const PREGNANT = DATA.pregnant.map((p) => new RegExp(p, 'i'));
const NOT_HERE = new RegExp(DATA.not_in_sentence, 'i');
const NOT_ANTEPARTUM = new RegExp(DATA.not_antepartum, 'i');
const PUERPERAL = DATA.puerperal.map((p) => new RegExp(p, 'i'));
const NOT_PUERPERAL = new RegExp(DATA.not_puerperal, 'i');
const WORD_COUNT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** The parts of the note that tell this encounter (not the obstetric or other history). */
const ENCOUNTER_ROLES = new Set(['diagnostic', 'reason', 'narrative', 'plan']);

/** The current pregnancy the statements of this encounter state (weeks when written). */
export function currentPregnancy(doc: NoteDocument): { weeks?: number; at: number; text: string } | undefined {
  const encounter = doc.statements.filter((st) => ENCOUNTER_ROLES.has(st.section.role));
  if (encounter.some((st) => NOT_ANTEPARTUM.test(doc.view.slice(st.start, st.end)))) return undefined;
  let found: { weeks?: number; at: number; text: string } | undefined;
  for (const st of encounter) {
    const text = doc.view.slice(st.start, st.end);
    for (const re of PREGNANT) {
      const m = re.exec(text);
      if (!m || NOT_HERE.test(text)) continue;
      const weeks = m[1] === undefined ? undefined : Number(m[1]);
      if (weeks !== undefined && (weeks < 4 || weeks > 43)) continue;
      if (!found || (found.weeks === undefined && weeks !== undefined))
        found = { weeks, at: st.start + m.index, text: m[0] };
    }
  }
  return found;
}

/**
 * The puerperium the encounter's statements state ("three weeks postpartum", "a postpartum check"):
 * delivery to six weeks after (I.C.15.o); a count of days is 42 at most.
 */
export function currentPuerperium(doc: NoteDocument): { at: number; text: string } | undefined {
  for (const st of doc.statements.filter((s) => ENCOUNTER_ROLES.has(s.section.role))) {
    const text = doc.view.slice(st.start, st.end);
    if (NOT_PUERPERAL.test(text)) continue;
    for (const re of PUERPERAL) {
      const m = re.exec(text);
      if (!m) continue;
      const count = m[1] === undefined ? undefined : (WORD_COUNT[m[1].toLowerCase()] ?? Number(m[1]));
      if (count !== undefined && /days?/i.test(m[0]) && count > 42) continue;
      return { at: st.start + m.index, text: m[0] };
    }
  }
  return undefined;
}

/** Weeks of gestation the encounter states ("induced ... at 38-1/2 weeks", "at 32 weeks' gestation", "EGA 30"). */
const WEEKS_STATED =
  /\b(?:at|of|ega|gestational age(?: of)?)\s+(\d{1,2})(?:[- ](?:and )?\d\/\d|\+\d| \d\/\d)?(?:[- ]weeks?\b|\b(?=\s*(?:weeks?|wks?)\b))/i;

/**
 * A chapter-15 code read "unspecified trimester" when the encounter states the weeks of gestation:
 * the trimester the weeks fall in (Guidelines I.C.15.a.3: first under 14 weeks, second 14 to under
 * 28, third from 28; a delivery admission's trimester is the one at admission).
 */
function withTrimester(pack: CodePack, doc: NoteDocument, claim: Suggestion[]): Suggestion[] {
  if (!claim.some((s) => /^O/.test(s.code) && /unspecified trimester/i.test(s.description))) return claim;
  let weeks = currentPregnancy(doc)?.weeks;
  if (weeks === undefined)
    for (const st of doc.statements.filter((x) => ENCOUNTER_ROLES.has(x.section.role))) {
      const m = WEEKS_STATED.exec(doc.view.slice(st.start, st.end));
      const n = m ? Number(m[1]) : NaN;
      if (n >= 4 && n <= 43) {
        weeks = n;
        break;
      }
    }
  if (weeks === undefined) return claim;
  const trimester = weeks < 14 ? 'first' : weeks < 28 ? 'second' : 'third';
  let changed = false;
  const out = claim.map((s) => {
    if (!/^O/.test(s.code) || !/unspecified trimester/i.test(s.description)) return s;
    const parent = s.code.replace('.', '').slice(0, -1);
    const o = trimesterCode(pack, parent.length > 3 ? `${parent.slice(0, 3)}.${parent.slice(3)}` : parent, trimester);
    if (!o || claim.some((c) => c.code === o.code)) return s;
    changed = true;
    return {
      ...s,
      code: o.code,
      description: o.title,
      reason: { ...s.reason, note: `${weeks} weeks of gestation: the ${trimester} trimester (Guidelines I.C.15.a.3)` },
    };
  });
  return changed ? out : claim;
}

/** The chapter-15 code of `base` for the trimester ("first", "second", "third", "unspecified"). */
function trimesterCode(pack: CodePack, base: string, trimester: string): { code: string; title: string } | undefined {
  const info = pack.codeInfo(base);
  if (!info) return undefined;
  if (info.billable) return { code: info.code, title: info.title };
  const child = info.children.find((c) => new RegExp(`\\b${trimester} trimester\\b`, 'i').test(c.title));
  return child && pack.codeInfo(child.code)?.billable ? { code: child.code, title: child.title } : undefined;
}

function puerperalCode(pack: CodePack, code: string | undefined): { code: string; title: string } | undefined {
  const info = code === undefined ? undefined : pack.codeInfo(code);
  return info?.billable ? { code: info.code, title: info.title } : undefined;
}

/**
 * A pregnant or puerperal patient's conditions are coded from the pregnancy chapter, first on the claim, with
 * the condition's own code beside it where the chapter-15 code asks for it and the weeks of
 * gestation (Guidelines I.C.15.a.1, I.C.15.b; in the puerperium its own codes, I.C.15.o; data/pregnancy-conditions.json). The codes the
 * chapter-15 code replaces move to the alternatives.
 */
export function pregnancyChapter(
  pack: CodePack,
  doc: NoteDocument,
  stated: Suggestion[],
  excluded: Suggestion[] = [],
): { claim: Suggestion[]; moved: Suggestion[] } {
  if (isNewborn(doc)) return { claim: stated, moved: [] };
  const timed = withTrimester(pack, doc, stated);
  if (timed !== stated) return pregnancyChapter(pack, doc, timed, excluded);
  const pregnancy = currentPregnancy(doc);
  const puerperium = pregnancy ? undefined : currentPuerperium(doc);
  if (!pregnancy && !puerperium) return { claim: stated, moved: [] };
  // Substance use the social history records ("She endorses marijuana use") is reported in
  // pregnancy: the chapter's drug- and alcohol-use codes ask for it (I.C.15.j, I.C.15.l.3).
  const use = excluded.filter(
    (e) =>
      e.system === 'ICD-10-CM' &&
      e.assertion === 'present' &&
      e.section === 'social_history' &&
      /^F1[0-69]\.9/.test(e.code) &&
      !stated.some((s) => s.code.slice(0, 3) === e.code.slice(0, 3)),
  );
  const claim = [...stated, ...use.filter((u, i) => use.findIndex((x) => x.code === u.code) === i)];
  const weeks = pregnancy?.weeks;
  const trimester = weeks === undefined ? 'unspecified' : weeks < 14 ? 'first' : weeks < 28 ? 'second' : 'third';
  const chapter: Suggestion[] = [];
  const rest: Suggestion[] = [];
  const moved: Suggestion[] = [];
  for (const s of claim) {
    const rule =
      s.system === 'ICD-10-CM' && !/^[OVWXY]/.test(s.code)
        ? DATA.conditions.find((r) => r.prefixes.some((p) => s.code.startsWith(p)))
        : undefined;
    const o = !rule
      ? undefined
      : puerperium
        ? puerperalCode(pack, rule.puerperium)
        : trimesterCode(pack, rule.base, trimester);
    if (!rule || !o) {
      rest.push(s);
      continue;
    }
    if (!chapter.some((c) => c.code === o.code) && !claim.some((c) => c.code === o.code))
      chapter.push({
        ...s,
        code: o.code,
        description: o.title,
        reason: {
          ...s.reason,
          via: 'guideline',
          refinedFrom: s.code,
          note: `${rule.why}; ${puerperium ? `the patient is in the puerperium ("${puerperium.text}", I.C.15.o)` : 'the patient is pregnant'}`,
        },
      });
    if (rule.keep) rest.push(s);
    else moved.push({ ...s, reason: { ...s.reason, note: `reported as ${o.code}: ${rule.why}` } });
  }
  if (chapter.length === 0) return { claim, moved: [] };
  const out = [...claim.filter((s) => /^O/.test(s.code) && s.system === 'ICD-10-CM'), ...chapter];
  out.push(...rest.filter((s) => !out.includes(s)));
  const z3a = weeks === undefined ? undefined : pack.codeInfo(weeksCode(weeks));
  if (pregnancy && z3a?.billable && !out.some((s) => s.code.startsWith('Z3A')))
    out.push({
      ...chapter[0]!,
      code: z3a.code,
      description: z3a.title,
      evidence: [{ start: pregnancy.at, end: pregnancy.at + pregnancy.text.length, text: pregnancy.text }],
      reason: {
        matched: `${weeks} weeks`,
        via: 'guideline',
        note: 'weeks of gestation, with the pregnancy code (Z3A)',
      },
    });
  return { claim: out, moved };
}
