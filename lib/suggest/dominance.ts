/**
 * Hemiplegia, monoplegia and their sequelae name the dominant or nondominant side; with no
 * dominance or handedness documented, the right side is dominant and the left nondominant, and an
 * ambidextrous patient's affected side is dominant (Guidelines I.C.6.a): "left hemiplegia" is
 * G81.94, not G81.92.
 */
export function dominanceDefault(title: string, sentenceStems: Set<string>): number {
  const m = /\b(left|right) (non-?)?dominant\b/i.exec(title);
  if (!m || ['domin', 'nondomin', 'hand'].some((w) => sentenceStems.has(w))) return 0;
  const nondominant = Boolean(m[2]);
  const isDefault = sentenceStems.has('ambidextr') ? !nondominant : (m[1]!.toLowerCase() === 'left') === nondominant;
  return isDefault ? 0.5 : -0.5;
}
