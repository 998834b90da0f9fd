import { familyLabel, type EmResult, type VisitKind } from '@/lib/em/em';

/** The visit kinds the stored settings can hold (the panel's picker writes one of them). */
type StoredKind = 'new' | 'established' | 'initial' | 'subsequent' | 'same-day' | 'discharge';
const STORED: readonly string[] = ['new', 'established', 'initial', 'subsequent', 'same-day', 'discharge'];

interface Props {
  em: EmResult;
  kind: VisitKind;
  kinds: VisitKind[];
  accepted: boolean;
  onKind: (k: StoredKind) => void;
  onAccept: (code: string | undefined) => void;
  onShow: (spans: { start: number; end: number }[]) => void;
}

const BASIS: Record<EmResult['basis'], string> = {
  time: 'total time',
  mdm: 'medical decision making',
  default: 'no time documented (lower code)',
  age: 'age and patient status',
  extent: 'extent of the examination',
  none: '',
};

/** E/M: the visit family, the level (time or MDM, two of three elements) with the words behind each element, and what the next level needs. */
export function EmPanel({ em, kind, kinds, accepted, onKind, onAccept, onShow }: Props) {
  const detected = em.detected.family;
  const el = (name: 'problems' | 'data' | 'risk') => (
    <li key={name}>
      {name}: <strong>{em.mdm[name]}</strong> <span className="muted">{em.mdm.why[name]}</span>{' '}
      {em.mdm.evidence[name].length > 0 && (
        <button type="button" className="link" onClick={() => onShow(em.mdm.evidence[name])}>
          “{em.mdm.evidence[name][0]!.text.slice(0, 60)}”
        </button>
      )}
    </li>
  );
  return (
    <section aria-label="E/M level">
      <h2>E/M level</h2>
      <label>
        Visit{' '}
        <select value={kind} onChange={(e) => STORED.includes(e.target.value) && onKind(e.target.value as StoredKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {familyLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" data-testid="em-family">
        Levelled as: {familyLabel(em.kind)}
        {em.status ? ` (${em.status} patient)` : ''}
        {detected !== em.kind && (
          <>
            {' '}
            — the note reads as {detected === 'none' ? 'an operative or procedure note (no E/M)' : familyLabel(detected)}
            {em.detected.evidence.length > 0 && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => onShow(em.detected.evidence)}>
                  “{em.detected.evidence[0]!.text.slice(0, 40)}”
                </button>
              </>
            )}
            {detected !== 'none' && STORED.includes(detected) && (
              <>
                {' '}
                <button type="button" onClick={() => onKind(detected as StoredKind)}>
                  Use it
                </button>
              </>
            )}
          </>
        )}
      </p>
      {em.code ? (
        <p>
          <span className="code">{em.code}</span> {em.label} — by {BASIS[em.basis]}
          {em.basis === 'time' ? ` (${em.timeMinutes} min)` : em.basis === 'mdm' ? ` (${em.mdm.level})` : ''}{' '}
          <button type="button" aria-pressed={accepted} onClick={() => onAccept(accepted ? undefined : em.code)}>
            {accepted ? 'In summary' : 'Add to summary'}
          </button>
        </p>
      ) : (
        <p className="muted">No E/M level: {em.nothingToLevel ?? 'neither the documented time nor MDM supports a level.'}</p>
      )}
      <ul className="muted">
        {em.timeMinutes !== undefined && em.timeEvidence && (
          <li>
            time: {em.timeMinutes} min{' '}
            <button type="button" className="link" onClick={() => onShow([em.timeEvidence!])}>
              “{em.timeEvidence.text}”
            </button>
          </li>
        )}
        {em.mdm.applies && (
          <>
            {el('problems')}
            {el('data')}
            {el('risk')}
          </>
        )}
      </ul>
      {em.nextLevel && <p className="muted">Next level: {em.nextLevel}</p>}
      {em.advice.map((a) => (
        <p key={a} className="muted">
          {a}
        </p>
      ))}
      <p className="muted">Advisory: the family and the MDM elements are read from the note's structure and words; the coder decides.</p>
    </section>
  );
}
