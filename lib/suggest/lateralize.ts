import type { CodePack } from '../pack/code-pack';
import { codeInfo } from './code-tree';
import type { ExpandedToken } from '../text/expand';

/** Paired body parts written in the plural: "abrasions on the knees" documents both sides (I.B.13). */
const PLURAL_PAIRED = new Set([
  'knees',
  'hips',
  'ankles',
  'feet',
  'shoulders',
  'elbows',
  'wrists',
  'hands',
  'eyes',
  'ears',
  'legs',
  'arms',
  'thighs',
  'calves',
  'forearms',
  'heels',
  'breasts',
]);

const SIDE_STEMS = new Set(['right', 'left', 'bilater', 'both']);

/**
 * The side of a phrase in a list of several: the side word just before it ("right shoulder
 * surgery, left knee arthroplasty": the knee is the left one), else the sentence's one side.
 */
export function nearSide(exp: ExpandedToken[], positions: number[], stems: Set<string>): Set<string> {
  const first = Math.min(...positions);
  const near = exp.slice(Math.max(0, first - 3), first).filter((t) => SIDE_STEMS.has(t.stem));
  const out = new Set([...stems].filter((s) => !SIDE_STEMS.has(s)));
  const side = near.at(-1)?.stem;
  if (side) out.add(side);
  // No side beside it: the sentence's, unless the sentence names more than one.
  else if ([...SIDE_STEMS].filter((x) => stems.has(x)).length <= 1) return stems;
  return out;
}

/**
 * When the clause names both the right and the left ("right pontine infarct with a mild left
 * hemiparesis"), the side is the one written on the phrase itself or just before it; with neither,
 * no side. A clause naming one side keeps it (I.B.13).
 */
export function ownSide(exp: ExpandedToken[], positions: number[], stems: Set<string>): Set<string> {
  if (!stems.has('right') || !stems.has('left')) return stems;
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const side = exp
    .slice(Math.max(0, first - 3), last + 1)
    .filter((t) => t.stem === 'right' || t.stem === 'left')
    .at(-1)?.stem;
  const out = new Set([...stems].filter((x) => x !== 'right' && x !== 'left'));
  if (side) out.add(side);
  return out;
}

/**
 * A paired body part in the plural documents both sides ("osteoarthritis of the knees"): the
 * Index's "bilateral" subterms apply (Osteoarthritis, knee, bilateral M17.0; I.B.13). The word is
 * implied for the sentence, and belongs only to the readings of that part.
 */
const IMPLIED_BILATERAL = 'bilateral';
/** The side words the sentence implies: "bilateral" when it writes a paired part in the plural. */
export function impliedSides(exp: ExpandedToken[]): string[] {
  return exp.some((t) => PLURAL_PAIRED.has(t.norm) && !t.implied) ? [IMPLIED_BILATERAL] : [];
}
export function isImpliedBilateral(t: ExpandedToken): boolean {
  return t.implied === true && t.norm === IMPLIED_BILATERAL;
}
/** A reading that takes the implied "bilateral" without the plural part it stands for. */
export function bilateralFromElsewhere(positions: number[], exp: ExpandedToken[]): boolean {
  return positions.some((p) => isImpliedBilateral(exp[p]!)) && !positions.some((p) => PLURAL_PAIRED.has(exp[p]!.norm));
}

/** The sentence's stems, with "both" when the match's own words name a paired body part in the plural. */
export function sidesOf(exp: ExpandedToken[], positions: number[], stems: Set<string>): Set<string> {
  return positions.some((p) => PLURAL_PAIRED.has(exp[p]?.norm ?? '')) ? new Set([...stems, 'both']) : stems;
}

/**
 * Laterality (Guidelines I.B.13): when the sentence says both sides ("bilateral", "both elbows")
 * and the refined code is the unspecified-side one, report the bilateral code when the category
 * has one, else the right and the left codes. Returns the codes to report (the input if none apply).
 */
export function lateralize(pack: CodePack, code: string, sentenceStems: Set<string>): string[] {
  if (!sentenceStems.has('bilater') && !sentenceStems.has('both')) return [code];
  // A 7th character is the episode, not the side: the sides are siblings of the code without it
  // ("Abrasions of both knees": S80.211A + S80.212A, I.B.13).
  const bare = code.replace('.', '').length === 7 ? code.slice(0, -1) : undefined;
  // The placeholder X before the 7th character is no level of its own ("S90.30XA": S90.30).
  const node = bare?.replace(/X+$/, '');
  if (bare && node && pack.sevenChrFor(node)) {
    const pad = (c: string) => c.padEnd(bare.length, 'X');
    const sides = lateralize(pack, node, sentenceStems).map((c) => `${pad(c)}${code.slice(-1)}`);
    return sides.every((c) => codeInfo(pack, c)?.billable) ? sides : [code];
  }
  const paired = bilateralOfUnilateral(pack, code);
  if (paired) return [paired];
  const info = codeInfo(pack, code);
  if (
    !info ||
    !/\bunspecified (side|\w+)$|\bunspecified (upper|lower) limb\b|, unspecified (\w+ )?(side|knee|hip|elbow|shoulder|ankle|foot|hand|wrist|eye|ear|leg|arm|breast|kidney|lung)\b/i.test(
      info.title,
    )
  )
    return [code];
  const parent = parentOf(code);
  const siblings =
    codeInfo(pack, parent)?.children.filter((c) => c.code !== code && c.code.length === code.length) ?? [];
  // The side takes the place of the last "unspecified" ("Unspecified mononeuropathy of unspecified
  // lower limb"); a bilateral title may name the limb in the plural ("of bilateral lower limbs").
  const at = info.title.toLowerCase().lastIndexOf('unspecified');
  const swap = (side: string) => singular(`${info.title.slice(0, at)}${side}${info.title.slice(at + 11)}`);
  const find = (side: string) => siblings.find((s) => singular(codeInfo(pack, s.code)?.title ?? '') === swap(side));
  // "Otitis media, unspecified, unspecified ear" / "Otitis media, unspecified, bilateral".
  const noPart = singular(info.title.slice(0, at) + 'bilateral');
  const bilateral =
    find('bilateral') ??
    (/^unspecified \w+$/i.test(info.title.slice(at))
      ? siblings.find((s) => singular(codeInfo(pack, s.code)?.title ?? '') === noPart)
      : undefined);
  if (bilateral) return [bilateral.code];
  const right = find('right');
  const left = find('left');
  return right && left ? [right.code, left.code] : [code];
}

/** A title compared word by word without a plural "s" ("lower limbs" = "lower limb"). */
function singular(title: string): string {
  return title.toLowerCase().replace(/(\w{3,})s\b/g, '$1');
}

/** The parent of a dotted code ('M17.10' -> 'M17.1', 'M17.1' -> 'M17'). */
export function parentOf(code: string): string {
  const raw = code.replace('.', '').slice(0, -1);
  return raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;
}

/**
 * A category that splits one condition into "Unilateral …" (by side) and "Bilateral …" codes
 * (M16 hip, M17 knee, M18 first carpometacarpal joint): both sides documented take the bilateral
 * code, never the right and the left unilateral codes (I.B.13: the bilateral code when the
 * classification has one). Found by the titles: the code or an ancestor titled "Unilateral X"
 * ("Unilateral primary osteoarthritis of knee", M17.1) and a billable sibling of it titled
 * "Bilateral X" (M17.0).
 */
function bilateralOfUnilateral(pack: CodePack, code: string): string | undefined {
  for (let at = code; at.replace('.', '').length > 3; at = parentOf(at)) {
    const title = codeInfo(pack, at)?.title ?? '';
    const m = /^unilateral (.+)$/i.exec(title);
    if (!m) continue;
    const want = `bilateral ${m[1]!}`.toLowerCase();
    const twin = codeInfo(pack, parentOf(at))?.children.find((c) => c.title.toLowerCase() === want);
    if (twin && codeInfo(pack, twin.code)?.billable) return twin.code;
  }
  return undefined;
}
