/**
 * The limb a body part belongs to. Index entries send a part to its limb ("Cellulitis, foot - see
 * Cellulitis, lower limb" L03.11-), whose children then name the limb beside other sites of one
 * subcategory (L03.112 left axilla, L03.116 left lower limb): with the side alone a tie, the child
 * naming the limb of the part written is the one the Index meant.
 */
const LOWER = ['foot', 'feet', 'heel', 'ankl', 'toe', 'leg', 'knee', 'thigh', 'hip', 'shin', 'calf', 'calv', 'plantar'];
const UPPER = ['hand', 'finger', 'thumb', 'wrist', 'forearm', 'elbow', 'arm', 'shoulder', 'palm'];

export function limbRegionBonus(title: string, sentenceStems: Set<string>): number {
  const limb = /\b(lower|upper) limb\b/i.exec(title)?.[1]?.toLowerCase();
  if (!limb || sentenceStems.has(limb)) return 0;
  const parts = limb === 'lower' ? LOWER : UPPER;
  return parts.some((p) => sentenceStems.has(p)) ? 0.05 : 0;
}
