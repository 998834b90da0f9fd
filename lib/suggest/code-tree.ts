import type { CodePack } from '../pack/code-pack';

/* The code tree as refinement walks it: a code's entry (remembered per pack) and its parent. */

const INFO = new WeakMap<CodePack, Map<string, ReturnType<CodePack['codeInfo']>>>();
/** codeInfo remembered per pack: refinement asks for the same headers on every chart. */
export function codeInfo(pack: CodePack, code: string): ReturnType<CodePack['codeInfo']> {
  let cache = INFO.get(pack);
  if (!cache) INFO.set(pack, (cache = new Map()));
  if (!cache.has(code)) cache.set(code, pack.codeInfo(code));
  return cache.get(code);
}

/** The code one level up ("M47.816" -> "M47.81", "N63.0" -> "N63"). */
export function parentOf(code: string): string {
  const raw = code.replace('.', '').slice(0, -1);
  return raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;
}
