import type { EmResult, VisitKind } from '@/lib/em/em';

interface Props {
  em: EmResult;
  kind: VisitKind;
  kinds: VisitKind[];
  accepted: boolean;
  onKind: (k: VisitKind) => void;
  onAccept: (code: string | undefined) => void;
  onShow: (spans: { start: number; end: number }[]) => void;
}

/** E/M level by total time or MDM (two of three elements), with the words behind each element. */
export function EmPanel({ em, kind, kinds, accepted, onKind, onAccept, onShow }: Props) {
  const el = (name: 'problems' | 'data' | 'risk') => (
    <li>
      {name}: <strong>{em.mdm[name]}</strong>{' '}
      {em.mdm.evidence[name].length > 0 && (
        <button type="button" className="link" onClick={() => onShow(em.mdm.evidence[name])}>
          “{em.mdm.evidence[name][0]!.text}”
        </button>
      )}
    </li>
  );
  return (
    <section aria-label="E/M level">
      <h2>E/M level</h2>
      <label>
        Visit{' '}
        <select value={kind} onChange={(e) => onKind(e.target.value as VisitKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {em.code ? (
        <p>
          <span className="code">{em.code}</span> {em.label} — by {em.basis === 'time' ? `total time (${em.timeMinutes} min)` : `MDM (${em.mdm.level})`}{' '}
          <button type="button" aria-pressed={accepted} onClick={() => onAccept(accepted ? undefined : em.code)}>
            {accepted ? 'In summary' : 'Add to summary'}
          </button>
        </p>
      ) : (
        <p className="muted">No level supported by the documented time or MDM.</p>
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
        {el('problems')}
        {el('data')}
        {el('risk')}
      </ul>
      {em.nextLevel && <p className="muted">Next level: {em.nextLevel}</p>}
      <p className="muted">Advisory: MDM elements are read from phrases in the note; the coder decides.</p>
    </section>
  );
}
