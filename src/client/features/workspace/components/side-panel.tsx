import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentScore } from '../../../../shared/mqm-score';
import type { Permission } from '../../../../shared/permissions';
import type { Finding } from '../../../../shared/qa/types';
import type { ScoringSettings } from '../../../../shared/scoring-settings';
import type { DocumentState, Flag } from '../../../../shared/schemas';
import { PANEL_TABS, type PanelTab } from '../hooks/use-panel-tabs';
import { ActivityFeed } from './activity-feed';
import { FlagPanel, type PanelAction } from './flag-panel';
import { QaPanel } from './qa-panel';
import { Scorecard } from './scorecard';
import { GuidelinesPanel } from './guidelines-panel';
import { reviewerTotals } from '../../../../shared/timing';

/** What the QA tab needs from useQaActions. */
export interface QaPanelState {
  findings: Finding[];
  shown: Finding[];
  check: string;
  setCheck: (check: string) => void;
  step: (delta: 1 | -1) => void;
  activeId: string | undefined;
  busy: boolean;
  dictionaryFailed: boolean;
  goTo: (f: Finding) => void;
  confirm: (f: Finding) => void;
  askDismiss: (f: Finding | null) => void;
  fix: (f: Finding) => void;
}

interface Props {
  doc: DocumentState;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  onTabKey: (e: KeyboardEvent) => void;
  score: DocumentScore | null;
  scoring: ScoringSettings;
  qa: QaPanelState;
  me: string;
  can: (p: Permission) => boolean;
  activeFlagId: string | undefined;
  busyFlagId: string | undefined;
  onGoToFlag: (flag: Flag) => void;
  onFlagAction: (flag: Flag, action: PanelAction) => void;
  onGoToSegment: (segmentId: string) => void;
}

/** The side panel: Flags, QA, Score and Activity tabs (one Tab stop, arrows between them). */
export function SidePanel({ doc, tab, onTab, onTabKey, score, scoring, qa, me, can, ...p }: Props) {
  const { t } = useTranslation('workspace');
  const { t: tg } = useTranslation('guidelines');
  return (
    <div className="side-panel">
      <div role="tablist" aria-label={t('score.tabs')} className="tabs" onKeyDown={onTabKey}>
        {PANEL_TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`tab-${x}`}
            aria-selected={tab === x}
            // One Tab stop for the tab list; the arrows move between tabs (WAI-ARIA tabs pattern).
            tabIndex={tab === x ? 0 : -1}
            aria-controls={tab === x ? `tabpanel-${x}` : undefined}
            onClick={() => onTab(x)}
          >
            {x === 'flags'
              ? t('score.flagsTab')
              : x === 'qa'
                ? `${t('qa.tab')} (${qa.findings.length})`
                : x === 'score'
                  ? t('score.tab')
                  : x === 'guidelines'
                    ? tg('title')
                    : t('activity.tab')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === 'score' && score ? (
          <Scorecard
            docId={doc.id}
            score={score}
            settings={scoring}
            canEdit={can('document.settings')}
            reviewers={reviewerTotals(doc, score.evaluatedWords)}
          />
        ) : tab === 'guidelines' ? (
          <GuidelinesPanel doc={doc} canEdit={can('document.guidelines') && doc.status !== 'approved'} />
        ) : tab === 'activity' ? (
          <ActivityFeed
            doc={doc}
            onGoToSegment={p.onGoToSegment}
            canUndoStructure={can('segment.structure') && doc.status !== 'approved'}
          />
        ) : tab === 'qa' ? (
          <QaPanel
            doc={doc}
            findings={qa.findings}
            shown={qa.shown}
            check={qa.check}
            onCheck={qa.setCheck}
            onStep={qa.step}
            activeId={qa.activeId}
            canConfirm={can('flag.create') && doc.status !== 'approved'}
            canDismiss={can('qa.dismiss')}
            canFix={can('segment.edit') && doc.status !== 'approved'}
            canConfigure={can('qa.settings')}
            busy={qa.busy}
            dictionaryFailed={qa.dictionaryFailed}
            onGoTo={qa.goTo}
            onConfirm={qa.confirm}
            onDismiss={qa.askDismiss}
            onFix={qa.fix}
          />
        ) : (
          <FlagPanel
            docId={doc.id}
            me={me}
            can={can}
            flags={doc.flags}
            segments={doc.segments}
            sourceLang={doc.sourceLang}
            targetLang={doc.targetLang}
            activeFlagId={p.activeFlagId}
            busyFlagId={p.busyFlagId}
            onGoTo={p.onGoToFlag}
            onAction={p.onFlagAction}
          />
        )}
      </div>
    </div>
  );
}
