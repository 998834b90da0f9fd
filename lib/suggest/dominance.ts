/**
 * Hemiplegia, monoplegia and their sequelae name the dominant or nondominant side; with no
 * dominance or handedness documented, the right side is dominant and the left nondominant
 * (Guidelines I.C.6.a): "left hemiplegia" is G81.94, not G81.92.
 */
export function dominanceDefault(title: string, sentenceStems: Set<string>): number {
  const m = /\b(left|right) (non-?)?dominant\b/i.exec(title);
  if (!m || ['domin', 'nondomin', 'hand', 'ambidextr'].some((w) => sentenceStems.has(w))) return 0;
  const isDefault = (m[1]!.toLowerCase() === 'left') === Boolean(m[2]);
  return isDefault ? 0.5 : -0.5;
}
