import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkEncounter } from '@/lib/checks/engine';
import type { Finding } from '@/lib/checks/schema';
import { levelEncounter, type VisitKind } from '@/lib/em/em';
import { NoteAnalyzer } from '@/lib/suggest/analyze';
import type { Analysis, Suggestion } from '@/lib/suggest/schema';
import { buildSummary } from '@/lib/summary/build';
import type { CodedSummary } from '@/lib/summary/schema';
import type { CptDescriptors } from '@/lib/cpt/descriptors';
import { inSpotAuditSample } from '@/lib/audit/spot-audit';
import { CodedSummarySchema } from '@/lib/summary/schema';
import { enforceRetention, latestHandoff, logAudit, saveHandoff, startReview } from '@/utils/audit';
import { db, readSettings, writeSettings, type HandoffRow, type ReviewRow, type Settings } from '@/utils/db';
import { loadActivePack, RELEASE_CHANNEL, type ActivePack } from '@/utils/release-store';
import { bestCapture, captureOnce, clearInPage, highlightInPage, onBilling, onNote, requestCapture, reviewKeyOf, targetTabId, type FrameBilling, type FrameCapture } from '@/utils/tab-link';
import { BillingPanel } from './BillingPanel';
import { SpotAuditPanel } from './SpotAuditPanel';
import { ReleaseStatus } from '../ReleaseStatus';
import { CodeSearch } from './CodeSearch';
import { EmPanel } from './EmPanel';
import { FindingsList, findingKey, type FindingState } from './FindingsList';
import { SuggestionList, type Decision } from './SuggestionList';
import { SummaryView, type ServiceDraft } from './SummaryView';
import { ExportBar } from './ExportBar';
import { PatientFields, type PatientDraft } from './PatientFields';

const today = () => new Date().toISOString().slice(0, 10);
const OFFICE_KINDS: VisitKind[] = ['new', 'established'];
const HOSPITAL_KINDS: VisitKind[] = ['initial', 'subsequent', 'same-day', 'discharge'];

/** Opened at: the panel measures open -> first suggestions (shown in the footer, read by the e2e suite). */
const OPENED_AT = performance.now();

export function SidePanelApp() {
  const [active, setActive] = useState<ActivePack>();
  const [settings, setSettings] = useState<Settings>();
  const [cpt, setCpt] = useState<CptDescriptors>(new Map());
  const [error, setError] = useState<string>();
  const [tabId, setTabId] = useState<number>();
  const [captures, setCaptures] = useState<Map<number, FrameCapture>>(new Map());
  const [noScript, setNoScript] = useState(false);
  const [dosInput, setDos] = useState<string>();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [diagnoses, setDiagnoses] = useState<string[]>([]);
  const [services, setServices] = useState<ServiceDraft[]>([]);
  const [findingStates, setFindingStates] = useState<Record<string, FindingState>>({});
  const [emAccepted, setEmAccepted] = useState<string>();
  const [firstMs, setFirstMs] = useState<number>();
  const [billing, setBilling] = useState<FrameBilling>();
  const [formCodes, setFormCodes] = useState<string>();
  const [handoff, setHandoff] = useState<HandoffRow>();
  const EMPTY_PATIENT: PatientDraft = { name: '', dob: '', memberId: '', provider: '', confirmed: false };
  const [patient, setPatient] = useState<PatientDraft>(EMPTY_PATIENT);
  const review = useRef<ReviewRow | undefined>(undefined);
  const tabRef = useRef<number | undefined>(undefined);
  tabRef.current = tabId;

  const reload = useCallback(() => {
    Promise.all([loadActivePack(), readSettings(), db().cpt.toArray()])
      .then(([a, s, rows]) => {
        setActive(a);
        setSettings(s);
        setCpt(new Map(rows.map((r) => [r.code, r.descriptor])));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    reload();
    void enforceRetention().catch(() => {});
    const ch = new BroadcastChannel(RELEASE_CHANNEL);
    ch.onmessage = () => reload();
    return () => ch.close();
  }, [reload]);

  // Link to the tab: listen first, then ask its frames to capture.
  useEffect(() => {
    const off = onNote(
      () => tabRef.current,
      (c) => setCaptures((m) => new Map(m).set(c.frameId, c)),
    );
    const offBilling = onBilling(
      () => tabRef.current,
      (b) => {
        setBilling(b);
        setFormCodes(b.billedCodes || undefined);
        void latestHandoff().then(setHandoff);
      },
    );
    const onPanelMsg = (raw: unknown) => {
      const m = raw as { type?: string; tabId?: number };
      if (m?.type === 'cc:panel-capture' && m.tabId !== undefined && m.tabId === tabRef.current) void requestCapture(m.tabId);
    };
    browser.runtime.onMessage.addListener(onPanelMsg);
    void targetTabId().then(async (id) => {
      setTabId(id);
      tabRef.current = id;
      if (id !== undefined) setNoScript(!(await requestCapture(id)));
    });
    // The panel belongs to one window: it follows the active tab of that window only.
    let windowId: number | undefined;
    void browser.windows
      ?.getCurrent()
      .then((w) => (windowId = w.id))
      .catch(() => {});
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (new URLSearchParams(location.search).get('tab')) return;
      if (windowId !== undefined && info.windowId !== windowId) return;
      setTabId(info.tabId);
      tabRef.current = info.tabId;
      setCaptures(new Map());
      setBilling(undefined);
      void requestCapture(info.tabId).then((ok) => setNoScript(!ok));
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      off();
      offBilling();
      browser.runtime.onMessage.removeListener(onPanelMsg);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  const note = useMemo(() => bestCapture(captures.values()), [captures]);
  // Date of service: the coder's entry, else the encounter date on the chart banner, else today.
  const dos = dosInput ?? note?.encounter?.date ?? today();
  const analyzer = useMemo(() => {
    if (!active) return undefined;
    performance.mark('cc:analyzer-start');
    const a = new NoteAnalyzer(active.pack);
    performance.measure('cc:analyzer-ready', 'cc:analyzer-start');
    return a;
  }, [active]);
  const setting = settings?.setting ?? 'office';
  const stored = settings?.visitKind === 'auto' ? undefined : settings?.visitKind;
  const kind: VisitKind = stored && (setting === 'office' ? OFFICE_KINDS : HOSPITAL_KINDS).includes(stored) ? stored : setting === 'office' ? 'established' : 'subsequent';

  const analysis: Analysis | undefined = useMemo(() => {
    if (!analyzer || !note) return undefined;
    try {
      performance.mark('cc:analyze-start');
      const a = analyzer.analyze(note.text, { setting, dateOfService: dos });
      performance.measure('cc:analyze', 'cc:analyze-start');
      return a;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, [analyzer, note, setting, dos]);
  const em = useMemo(() => (note ? levelEncounter(note.text, kind) : undefined), [note, kind]);

  // One review per chart: another patient or encounter on the banner (SPA patient switch, another
  // chart; the page address when there is no banner) starts a new review and clears the decisions —
  // a summary must never carry codes from one patient to the next. Edits of the same note stay in
  // the review; "shown" is logged when the suggestion list changes. (Switching to the billing tab
  // keeps the review: the hand-off needs it.)
  const reviewKey = useRef<string | undefined>(undefined);
  const lastShown = useRef('');
  useEffect(() => {
    if (!analysis || !note || !active) return;
    if (firstMs === undefined) setFirstMs(Math.round(performance.now() - OPENED_AT));
    const key = reviewKeyOf(note);
    const shown = analysis.suggestions.map((s) => s.code).join(' ');
    if (key !== reviewKey.current) {
      setPatient((p) => ({ ...EMPTY_PATIENT, provider: p.provider, name: note.header?.name ?? '', dob: note.header?.dob ?? '', memberId: note.header?.memberId ?? '' }));
      setDos(undefined); // a new chart: its banner's encounter date again (see dos)
      if (reviewKey.current !== undefined) {
        setDecisions({});
        setDiagnoses([]);
        setServices([]);
        setEmAccepted(undefined);
        setFindingStates({});
      }
      reviewKey.current = key;
      lastShown.current = shown;
      const releases = active.pack.sources.map((s) => `${s.system} ${s.release}`).filter((v, i, a) => a.indexOf(v) === i);
      void startReview(note.text, new URL(note.frameUrl).origin, releases).then((r) => {
        review.current = r;
        void logAudit(r, 'shown', undefined, shown);
      });
    } else if (shown !== lastShown.current) {
      lastShown.current = shown;
      void logAudit(review.current, 'shown', undefined, `note edited (${note.text.length} characters): ${shown}`);
    }
  }, [analysis]);

  // The E/M line first (with whatever modifiers/units the coder set on it), then the other services.
  const summaryServices = useMemo(() => {
    const em = emAccepted ? (services.find((s) => s.code === emAccepted) ?? { code: emAccepted, modifiers: [], units: 1 }) : undefined;
    return [...(em ? [em] : []), ...services.filter((s) => s.code !== emAccepted)];
  }, [emAccepted, services]);

  const findings: Finding[] = useMemo(() => {
    if (!active || (!diagnoses.length && !summaryServices.length)) return [];
    try {
      return checkEncounter(
        {
          dateOfService: dos,
          setting,
          diagnoses: diagnoses.map((code, i) => ({ code, line: i + 1 })),
          services: summaryServices.map((s, i) => ({ code: s.code, modifiers: s.modifiers, units: s.units, line: i + 1 })),
          ...(analysis && note ? { analysis, note: note.text } : {}),
        },
        active.pack,
      );
    } catch (e) {
      return [{ rule: 'input', kind: 'validity', severity: 'error', message: e instanceof Error ? e.message : String(e), rationale: '', source: 'ChartCoder', codes: [], evidence: [], action: 'Fix the code list.' }];
    }
  }, [active, diagnoses, summaryServices, dos, setting, analysis, note]);

  const { summary, problems } = useMemo((): { summary?: CodedSummary; problems: string[] } => {
    if (!active) return { problems: [] };
    try {
      const summary = buildSummary(
        {
          dateOfService: dos,
          setting,
          diagnoses,
          services: summaryServices,
          ...(patient.provider.trim() ? { renderingProvider: patient.provider.trim() } : {}),
          patient: {
            ...(patient.name.trim() ? { name: patient.name.trim() } : {}),
            ...(/^\d{4}-\d{2}-\d{2}$/.test(patient.dob.trim()) ? { dob: patient.dob.trim() } : {}),
            ...(patient.memberId.trim() ? { memberId: patient.memberId.trim() } : {}),
            confirmed: patient.confirmed,
          },
          findings: findings.map((f) => {
            const st = findingStates[findingKey(f)];
            return { rule: f.rule, severity: f.severity, message: f.message, codes: f.codes, status: st?.status ?? 'open', ...(st?.reason ? { reason: st.reason } : {}) };
          }),
          cptTitle: (c) => cpt.get(c),
        },
        active.pack,
      );
      return { summary, problems: [] };
    } catch (e) {
      const issues = (e as { issues?: { message: string }[] }).issues;
      return { problems: issues ? issues.map((i) => i.message) : [e instanceof Error ? e.message : String(e)] };
    }
  }, [active, dos, setting, diagnoses, summaryServices, patient, findings, findingStates, cpt]);

  // The summary is the hand-off: kept (without the note) for the panel on the billing portal.
  useEffect(() => {
    const r = review.current;
    if (!r || !summary || (!summary.diagnoses.length && !summary.lines.length)) return;
    const t = setTimeout(() => void saveHandoff(r, summary), 300);
    return () => clearTimeout(t);
  }, [summary]);

  const handoffSummary = useMemo(() => {
    const p = handoff ? CodedSummarySchema.safeParse(handoff.summary) : undefined;
    return p?.success ? p.data : undefined;
  }, [handoff]);

  const show = useCallback(
    (spans: { start: number; end: number }[] | undefined) => {
      if (!note) return;
      if (!spans?.length) void clearInPage(note);
      else void highlightInPage(note, spans);
    },
    [note],
  );

  const addCode = (code: string, system: 'ICD-10-CM' | 'HCPCS' | 'CPT') => {
    if (system === 'ICD-10-CM') setDiagnoses((d) => (d.includes(code) ? d : [...d, code]));
    else setServices((s) => (s.some((x) => x.code === code) ? s : [...s, { code, modifiers: [], units: 1 }]));
    void logAudit(review.current, 'accepted', code, 'added from search');
  };
  const removeCode = (code: string) => {
    setDiagnoses((d) => d.filter((c) => c !== code));
    setServices((s) => s.filter((x) => x.code !== code));
    if (emAccepted === code) setEmAccepted(undefined);
    setDecisions((d) => Object.fromEntries(Object.entries(d).filter(([k, v]) => k !== code && v.replacedBy !== code)));
    void logAudit(review.current, 'rejected', code, 'removed from the summary');
  };

  const decide = (s: Suggestion, d: Decision | undefined) => {
    const prev = decisions[s.code];
    setDecisions((all) => {
      const next = { ...all };
      if (d) next[s.code] = d;
      else delete next[s.code];
      return next;
    });
    const target = (x: Decision | undefined) => (x?.status === 'accepted' ? (x.replacedBy ?? s.code) : undefined);
    const before = target(prev);
    const after = target(d);
    const isDx = s.system === 'ICD-10-CM';
    if (before && before !== after) {
      if (isDx) setDiagnoses((all) => all.filter((c) => c !== before));
      else setServices((all) => all.filter((x) => x.code !== before));
    }
    if (after && after !== before) {
      if (isDx) setDiagnoses((all) => (all.includes(after) ? all : [...all, after]));
      else setServices((all) => (all.some((x) => x.code === after) ? all : [...all, { code: after, modifiers: [], units: after === s.code ? (s.units ?? 1) : 1 }]));
    }
    const kindOf = d?.replacedBy ? 'replaced' : d?.status === 'accepted' ? 'accepted' : d?.status === 'rejected' ? 'rejected' : 'rejected';
    void logAudit(review.current, kindOf, s.code, d?.replacedBy ? `replaced by ${d.replacedBy}` : d ? undefined : 'decision withdrawn');
  };

  if (error) return <main role="alert">ChartCoder could not start: {error}</main>;
  if (!active || !settings) return <main aria-busy="true">Loading code sets…</main>;
  const dx = analysis?.suggestions.filter((s) => s.system === 'ICD-10-CM') ?? [];
  const px = analysis?.suggestions.filter((s) => s.system !== 'ICD-10-CM') ?? [];

  return (
    <>
      <ReleaseStatus pack={active.pack} dateOfService={dos} />
      {active.warning && (
        <p role="alert" className="warn">
          {active.warning}
        </p>
      )}
      <main data-first-suggestions-ms={firstMs}>
        <div className="toolbar">
          <label>
            Date of service <input type="date" value={dos} onChange={(e) => e.target.value && setDos(e.target.value)} />
          </label>
          <label>
            Setting{' '}
            <select value={setting} onChange={(e) => void writeSettings({ setting: e.target.value as Settings['setting'] }).then(setSettings)}>
              <option value="office">office</option>
              <option value="hospital">hospital</option>
            </select>
          </label>
          <button type="button" onClick={() => tabId !== undefined && void requestCapture(tabId).then((ok) => setNoScript(!ok))}>
            Re-read note
          </button>
        </div>
        {billing && (
          <BillingPanel
            billing={billing}
            summary={summary && summary.diagnoses.length ? summary : handoffSummary}
            from={summary && summary.diagnoses.length ? 'this review' : handoff ? `the review of ${handoff.at.slice(0, 16).replace('T', ' ')} by ${handoff.user}` : ''}
            today={today()}
            onFilled={(detail) => void logAudit(review.current ?? (handoff ? { id: handoff.reviewId, user: handoff.user } : undefined), 'form-filled', undefined, detail)}
          />
        )}
        {noScript && !note && !billing && (
          <div role="status" className="notice">
            <p>ChartCoder is not reading this page: enable the site in the options (host access is granted per site), or read it once now.</p>
            <button type="button" onClick={() => tabId !== undefined && void captureOnce(tabId).then((ok) => ok && requestCapture(tabId))}>
              Read this page once
            </button>{' '}
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              Open options
            </button>
          </div>
        )}
        {note && (
          <p className="muted" aria-label="Captured note">
            Read {note.text.length.toLocaleString()} characters from {note.label} ({note.source}){note.truncated ? ' — truncated at the size limit' : ''}
            {analysis ? ` · analysed in ${analysis.stats.ms.toFixed(0)} ms` : ''}
          </p>
        )}
        {analysis && (
          <>
            <SuggestionList title="Diagnoses (claim order)" items={dx} decisions={decisions} pack={active.pack} onDecide={decide} onFocusItem={(s) => show(s?.evidence)} />
            <SuggestionList title="Procedures and supplies" items={px} decisions={decisions} pack={active.pack} onDecide={decide} onFocusItem={(s) => show(s?.evidence)} />
            {dx.length === 0 && <p className="muted">No codable diagnosis found in the captured text.</p>}
            {analysis.excluded.length > 0 && (
              <details>
                <summary>Considered, not coded ({analysis.excluded.length})</summary>
                <ul className="muted">
                  {analysis.excluded.map((s) => (
                    <li key={`${s.code}-${s.evidence[0]!.start}`} onMouseEnter={() => show(s.evidence)}>
                      <span className="code">{s.code}</span> “{s.evidence[0]!.text}” — {s.reason.note ?? s.assertion}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
        {analysis && note && analyzer && (
          <SpotAuditPanel
            pack={active.pack}
            analyzer={analyzer}
            note={note.text}
            analysis={analysis}
            chartId={review.current?.id ?? note.captureId}
            dateOfService={dos}
            setting={setting}
            formCodes={formCodes}
            sampled={review.current !== undefined && inSpotAuditSample(review.current.id, settings.spotAuditPercent)}
            onDone={(r) => void logAudit(review.current, 'spot-audit', r.unsupported.join(' ') || undefined, `score ${r.score}; unsupported ${r.unsupported.length}; missed ${r.missed.length}; findings ${r.findings.length}`)}
          />
        )}
        {em && note && (
          <EmPanel
            em={em}
            kind={kind}
            kinds={setting === 'office' ? OFFICE_KINDS : HOSPITAL_KINDS}
            accepted={emAccepted !== undefined && emAccepted === em.code}
            onKind={(k) => void writeSettings({ visitKind: k }).then(setSettings)}
            onAccept={(c) => {
              setEmAccepted(c);
              void logAudit(review.current, c ? 'accepted' : 'rejected', c ?? em.code, 'E/M level');
            }}
            onShow={show}
          />
        )}
        <SummaryView
          summary={summary}
          problems={problems}
          diagnoses={diagnoses}
          services={summaryServices}
          onMoveDx={(code, dir) =>
            setDiagnoses((d) => {
              const i = d.indexOf(code);
              const j = i + dir;
              if (i < 0 || j < 0 || j >= d.length) return d;
              const n = [...d];
              [n[i], n[j]] = [n[j]!, n[i]!];
              return n;
            })
          }
          onRemove={removeCode}
          onService={(code, patch) => {
            if (code === emAccepted && !services.some((s) => s.code === code)) setServices((s) => [...s, { code, modifiers: [], units: 1, ...patch }]);
            else setServices((s) => s.map((x) => (x.code === code ? { ...x, ...patch } : x)));
          }}
        >
          <PatientFields value={patient} fromChart={Boolean(note?.header)} onChange={setPatient} />
          {summary && <ExportBar summary={summary} onExported={(what) => void logAudit(review.current, 'exported', undefined, what)} />}
        </SummaryView>
        <section aria-label="Findings on the summary">
          <h2>Findings</h2>
          <FindingsList
            findings={findings}
            states={findingStates}
            inSummary={new Set([...diagnoses, ...summaryServices.map((s) => s.code)])}
            onState={(f, st) => {
              setFindingStates((all) => {
                const n = { ...all };
                if (st) n[findingKey(f)] = st;
                else delete n[findingKey(f)];
                return n;
              });
              if (st) void logAudit(review.current, st.status === 'overridden' ? 'finding-overridden' : 'finding-acknowledged', f.codes.join(' '), `${f.rule}${st.reason ? `: ${st.reason}` : ''}`);
            }}
            onRemoveCode={removeCode}
            onShowEvidence={(f) => show(f.evidence)}
          />
        </section>
        <CodeSearch pack={active.pack} cpt={cpt} onAdd={addCode} />
        <p className="muted footer">
          {firstMs !== undefined ? `First suggestions ${firstMs} ms after the panel opened. ` : ''}
          {diagnoses.length} diagnoses · {summaryServices.length} services · nothing leaves this device.
        </p>
      </main>
    </>
  );
}
