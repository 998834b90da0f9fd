import { useCallback, useEffect } from 'react';
import { claimServices, codesOnClaim, type Decision, type ReviewAction } from '@/lib/review';
import type { Suggestion } from '@/lib/suggest/schema';
import { logAudit } from '@/utils/audit';
import { clearInPage, highlightInPage } from '@/utils/tab-link';
import { BillingSection } from './BillingSection';
import { openPackGate } from './boot';
import { FindingsSection } from './FindingsList';
import { useAnalysis } from './hooks/useAnalysis';
import { useFindings } from './hooks/useFindings';
import { useHandoffFor, useSaveHandoff } from './hooks/useHandoff';
import { useFirstSuggestionsMs } from './hooks/useFirstSuggestions';
import { useFirstTabToSuggestion } from './hooks/useFirstTabToSuggestion';
import { usePanelData } from './hooks/usePanelData';
import { useReview, useReviewReleases, useShownLog } from './hooks/useReview';
import { useSummary } from './hooks/useSummary';
import { useTabLink } from './hooks/useTabLink';
import { NoteSuggestions } from './NoteSuggestions';
import { PatientFields } from './PatientFields';
import { ReleaseLine } from './ReleaseLine';
import { SpotAuditSection } from './SpotAuditSection';
import { SummaryView } from './SummaryView';
import { NoNoteNotice, NotReadingNotice, Toolbar } from './Toolbar';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The side panel: wiring only. The review's rules live in lib/review (a reducer); the hooks link
 * the tab, the code pack, storage and the audit trail; the components below draw.
 */
export function SidePanelApp() {
  const { active, engine, settings, cpt, error, setError, updateSettings } = usePanelData();
  const { note, noNote, noScript, billing, recapture, readOnce } = useTabLink();
  const { releases, answeredWith } = useReviewReleases(active);
  const { state, dispatch, review } = useReview(note, releases, settings?.visitKind);
  // Date of service: the coder's entry, else the encounter date on the chart banner, else today.
  const dos = state.dateOfService ?? note?.encounter?.date ?? today();
  const setting = settings?.setting ?? 'office';
  const { needLocal, analyzer, analysis, answeredBy, stale, em } = useAnalysis(
    active,
    engine,
    note,
    setting,
    dos,
    state.visit,
    setError,
  );
  useEffect(() => answeredWith(answeredBy?.releases), [answeredBy, answeredWith]);
  const firstMs = useFirstSuggestionsMs(analysis);
  // This page's own pack loads once the first suggestions are on screen, or at once when it is
  // needed first: the panel analyses itself, or the page shows no note (search, billing).
  const pageWithoutNote = !note && (noNote !== undefined || noScript || billing !== undefined);
  useEffect(() => {
    if (firstMs !== undefined || needLocal || pageWithoutNote) openPackGate();
  }, [firstMs, needLocal, pageWithoutNote]);
  useFirstTabToSuggestion();
  useShownLog(review, analysis, note?.text.length ?? 0);

  const findings = useFindings(active, engine, state, dos, setting, analysis, note);
  const { summary, problems } = useSummary(active, engine, state, findings, dos, setting, cpt);
  useSaveHandoff(review, summary);
  const handoff = useHandoffFor(billing, today());

  const show = useCallback(
    (spans: { start: number; end: number }[] | undefined) => {
      if (!note) return;
      if (!spans?.length || stale) void clearInPage(note);
      else void highlightInPage(note, spans);
    },
    [note, stale],
  );
  const act = (a: ReviewAction) => dispatch(a);
  const decide = (s: Suggestion, d: Decision | undefined) =>
    act({
      type: 'decide',
      code: s.code,
      system: s.system,
      ...(s.units !== undefined ? { units: s.units } : {}),
      decision: d,
    });

  if (error) return <main role="alert">ChartCoder could not start: {error}</main>;
  if (!settings) return <main aria-busy="true">Loading settings…</main>;
  const ownSummary = summary && summary.diagnoses.length ? summary : undefined;

  // The first suggestions come from the background's warm analyzer: they are shown while this
  // page's own code pack loads (decisions wait for it: the review records the releases).
  return (
    <>
      <ReleaseLine active={active} engine={engine} dateOfService={dos} />
      <main data-first-suggestions-ms={firstMs}>
        <h1 className="sr-only">ChartCoder review</h1>
        <Toolbar
          dateOfService={dos}
          setting={setting}
          onDate={(date) => act({ type: 'date', date })}
          onSetting={(s) => updateSettings({ setting: s })}
          onReread={recapture}
        />
        {billing && active && engine && (
          <BillingSection
            engine={engine}
            billing={billing}
            own={ownSummary}
            handoff={handoff}
            review={review}
            today={today()}
          />
        )}
        {noScript && !note && !billing && <NotReadingNotice onReadOnce={readOnce} />}
        {!noScript && !note && !billing && noNote !== undefined && (
          <NoNoteNotice reason={noNote} onReread={recapture} />
        )}
        {note && (
          <NoteSuggestions
            note={note}
            analysis={analysis}
            decisions={state.decisions}
            pack={active?.pack}
            onDecide={decide}
            onShow={show}
          />
        )}
        {active && engine && (
          <>
            {analysis && note && analyzer && (
              <SpotAuditSection
                engine={engine}
                active={active}
                analyzer={analyzer}
                note={note}
                analysis={analysis}
                review={review}
                dateOfService={dos}
                setting={setting}
                formCodes={billing?.billedCodes}
                percent={settings.spotAuditPercent}
              />
            )}
            {em && note && (
              <engine.EmPanel
                em={em}
                visit={state.visit}
                accepted={state.emAccepted !== undefined && state.emAccepted === em.code}
                onVisit={(visit) => act({ type: 'visit', visit })}
                onAccept={(code) => em.code && act({ type: 'em', code, offered: em.code })}
                onShow={show}
              />
            )}
            <SummaryView
              summary={summary}
              problems={problems}
              diagnoses={state.diagnoses}
              services={claimServices(state)}
              pack={active.pack}
              onMoveDx={(code, dir) => act({ type: 'move', code, dir })}
              onRemove={(code) => act({ type: 'remove', code })}
              onService={(code, patch) => act({ type: 'edit-service', code, patch })}
            >
              <PatientFields
                value={state.patient}
                fromChart={Boolean(note?.header)}
                onChange={(patient) => act({ type: 'patient', patient })}
              />
              {summary && (
                <engine.ExportBar
                  summary={summary}
                  onExported={(what) => void logAudit(review, 'exported', undefined, what)}
                />
              )}
            </SummaryView>
            <FindingsSection
              findings={findings}
              states={state.findingStates}
              inSummary={codesOnClaim(state)}
              act={act}
              onShowEvidence={(f) => show(f.evidence)}
            />
            <engine.CodeSearch
              pack={active.pack}
              cpt={cpt}
              dateOfService={dos}
              onAdd={(c) => act({ type: 'add', ...c })}
            />
          </>
        )}
        <p className="muted footer">
          {firstMs !== undefined ? `First suggestions ${firstMs} ms after the panel opened. ` : ''}
          {state.diagnoses.length} diagnoses · {claimServices(state).length} services · nothing leaves this device.
        </p>
      </main>
    </>
  );
}
