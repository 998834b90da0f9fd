import { z } from 'zod';
import mapData from './data/assertion-map.json';
import { stemWord } from '../text/tokens';
import type { CodePack } from '../pack/code-pack';
import { termStems, type Dictionary } from './dictionary';
import { classifiable, covers } from './history-coverage';

const MapSchema = z.strictObject({
  about: z.string(),
  history_overrides: z.array(z.strictObject({ prefix: z.string(), code: z.string(), why: z.string() })),
  chronic_prefixes: z.array(z.string()),
  family_range: z.tuple([z.string(), z.string()]),
  history_range: z.tuple([z.string(), z.string()]),
  generic_stems: z.array(z.string()),
});
const MAP = MapSchema.parse(mapData);
const GENERIC = new Set(MAP.generic_stems);

export interface Mapped {
  code: string;
  note: string;
}

/** The billable code of a Z-code range whose title shares the most specific words with the condition. */
const BEST_Z = new WeakMap<Dictionary, Map<string, string | undefined>>();
/** bestZ, remembered per dictionary: the same condition maps to the same Z code on every chart. */
function bestZ(pack: CodePack, dict: Dictionary, condition: string, range: [string, string]): string | undefined {
  let cache = BEST_Z.get(dict);
  if (!cache) BEST_Z.set(dict, (cache = new Map()));
  const key = `${condition}|${range.join('-')}`;
  if (!cache.has(key)) cache.set(key, searchZ(pack, dict, condition, range));
  return cache.get(key);
}

function searchZ(pack: CodePack, dict: Dictionary, condition: string, range: [string, string]): string | undefined {
  // For a relative's condition, the condition's own words, not an absence its title adds ("Type 2
  // diabetes mellitus without complications" is diabetes mellitus: Z83.3 names it). A personal
  // history keeps every title word (a looser match took a hernia for a corrected malformation).
  // Neither history takes the words of what a title excepts ("Malignant neoplasm of kidney, except
  // renal pelvis" is a kidney cancer: Z85.528, not the renal pelvis's Z85.53).
  const full = pack.titleOf(condition);
  const kept = (range === MAP.family_range ? full.replace(/\bwithout\b.*$/i, '') : full).replace(
    /,?\s*\bexcept\b.*$/i,
    '',
  );
  const stems = range === MAP.family_range || kept !== full ? termStems(kept) : undefined;
  const own = stems ? [...stems.required, ...stems.optional] : [...dict.titleStems(condition)];
  const cond = own.filter((s) => !GENERIC.has(s));
  const release = pack.currentIcdRelease?.label;
  if (!release || cond.length === 0) return undefined;
  const candidates = zCodes(pack, release, range);
  // The Tabular's own word first: the codes whose "Conditions classifiable to" note takes the
  // condition; among them the one naming the condition, else the residual code that restates the
  // note's holder ("Personal history of other diseases of the digestive system" under "… diseases
  // of the digestive system"): a condition without a code of its own. Codes whose note names other
  // conditions are never taken on a shared word.
  if (candidates.includes(condition)) return condition; // already a history code ("family history of breast cancer" -> Z80.3)
  const covering = candidates.filter((c) => covers(pack, c, condition) === true);
  const named = bestNamed(dict, covering, cond);
  if (named) return named;
  // The residual code only where the Tabular sorts by site or by body system and a coder reports
  // it: a relative's condition, a past cancer. A past non-malignant condition without a code of
  // its own is not turned into "history of other diseases of the system" (often still under care).
  const residualAllowed = range === MAP.family_range || /^(C|D0|D3|D4)/.test(condition);
  if (covering.length && residualAllowed) return residual(pack, dict, covering);
  let best: string | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    if (covering.includes(c)) continue; // judged above: the Tabular takes it, but it does not name the condition
    const { shared, score } = overlap(dict, c, cond);
    // The history code must name the condition: most of its specific words, not one shared site;
    // all of them where the Tabular's note sorts it with other conditions (Z86.73 names a TIA under
    // a note for I00-I99; Z87.75, a corrected malformation, does not take a respiratory arrest).
    if (shared === 0 || shared < cond.length / 2) continue;
    if (shared < cond.length && covers(pack, c, condition) === false) continue;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Specific title words of a code shared with the condition's, and a score that prefers the shorter title. */
function overlap(dict: Dictionary, code: string, cond: string[]): { shared: number; own: number; score: number } {
  const stems = [...dict.titleStems(code)].filter((s) => !GENERIC.has(s));
  const shared = stems.filter((s) => cond.includes(s)).length;
  return { shared, own: stems.length, score: shared - 0.1 * (stems.length - shared) };
}

/** Among the codes the Tabular says take the condition: the one naming it (most of its specific title words). */
function bestNamed(dict: Dictionary, covering: string[], cond: string[]): string | undefined {
  return (
    covering
      .map((c) => ({ c, ...overlap(dict, c, cond) }))
      // Naming it: half of the condition's specific words or half of the history code's own ("peptic
      // ulcer" names Z87.11); one shared "infection" does not make latent tuberculosis.
      .filter(
        (x) =>
          x.shared > 0 &&
          ((x.shared >= cond.length / 2 && (x.shared >= 2 || x.shared === cond.length)) || x.shared >= x.own / 2),
      )
      // Equal names: the code the note's words leave open ("colon polyps, unspecified") before the
      // one for a kind the note does not state ("other colon polyps"), as refinement does.
      .sort((a, b) => b.score - a.score || openness(dict, a.c) - openness(dict, b.c) || a.c.localeCompare(b.c))[0]?.c
  );
}

const UNSPECIFIED = stemWord('unspecified');
const OTHER = stemWord('other');
function openness(dict: Dictionary, code: string): number {
  const stems = dict.titleStems(code);
  return stems.has(UNSPECIFIED) ? 0 : stems.has(OTHER) ? 2 : 1;
}

/** The residual code: the one whose title restates the holder of the note ("… other genital organs" under "… genital organs"). */
function residual(pack: CodePack, dict: Dictionary, covering: string[]): string | undefined {
  return covering
    .map((c) => {
      const holder = classifiable(pack, c)?.holder ?? c;
      return {
        c,
        ...overlap(
          dict,
          c,
          [...dict.titleStems(holder)].filter((s) => !GENERIC.has(s)),
        ),
      };
    })
    .sort((a, b) => b.score - a.score || a.c.localeCompare(b.c))[0]?.c;
}

const Z_CACHE = new WeakMap<CodePack, Map<string, string[]>>();
function zCodes(pack: CodePack, release: string, range: [string, string]): string[] {
  let cache = Z_CACHE.get(pack);
  if (!cache) Z_CACHE.set(pack, (cache = new Map()));
  const key = `${release}|${range.join('-')}`;
  let list = cache.get(key);
  if (!list) cache.set(key, (list = billableUnder(pack, categories(range))));
  return list;
}

/** "Z80".."Z84" -> every category between them (same letter, two digits). */
function categories([lo, hi]: [string, string]): string[] {
  const out: string[] = [];
  for (let n = Number(lo.slice(1)); n <= Number(hi.slice(1)); n++) out.push(`${lo[0]}${String(n).padStart(2, '0')}`);
  return out;
}

/** Billable codes below the given categories, by walking the tree (not the whole code list). */
function billableUnder(pack: CodePack, roots: string[]): string[] {
  const out: string[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const info = pack.codeInfo(stack.pop()!);
    if (!info) continue;
    if (info.billable) out.push(info.code);
    for (const c of info.children) if (c.code.length > info.code.length) stack.push(c.code);
  }
  return out.sort();
}

/** Family history of a condition -> Z80-Z84 (Official Guidelines I.C.21.c.4). */
export function familyCode(pack: CodePack, dict: Dictionary, condition: string): Mapped | undefined {
  const z = bestZ(pack, dict, condition, MAP.family_range);
  return z
    ? { code: z, note: `family history of ${condition} is reported with ${z}, not the condition itself (I.C.21.c.4)` }
    : undefined;
}

/**
 * History of a condition: an old MI is I25.2; a chronic condition under care stays coded as it is;
 * anything else -> personal history Z85-Z87 (I.C.21.c.4).
 */
export function historyCode(pack: CodePack, dict: Dictionary, condition: string): Mapped | 'keep' | undefined {
  const o = MAP.history_overrides.find((x) => condition.startsWith(x.prefix));
  if (o) return { code: o.code, note: o.why };
  if (MAP.chronic_prefixes.some((p) => condition.startsWith(p))) return 'keep';
  // A Z85 history code names the former site of a primary malignancy (I.C.2.d); a past secondary
  // ("prostate cancer with metastatic disease" in the history) has none of its own.
  if (/^C7[7-9]/.test(condition)) return undefined;
  // Personal history of a malignant neoplasm (Z85) is for neoplasms only: "history of neurogenic
  // bladder" shares "bladder" with Z85.51 but is not a cancer (I.C.21.c.4).
  const neoplasm = /^(C|D0|D3|D4)/.test(condition);
  const z = bestZ(pack, dict, condition, neoplasm ? MAP.history_range : ['Z86', MAP.history_range[1]]);
  return z ? { code: z, note: `a past condition is reported as personal history ${z} (I.C.21.c.4)` } : undefined;
}
