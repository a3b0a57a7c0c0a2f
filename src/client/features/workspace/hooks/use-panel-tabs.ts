import { useState, type KeyboardEvent } from 'react';

export const PANEL_TABS = ['flags', 'qa', 'score', 'guidelines', 'activity'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** The side panel: shown or hidden, which tab, and the arrow keys that move between tabs. */
export function usePanelTabs() {
  const [panelOpen, setPanelOpen] = useState(true);
  const [panelTab, setPanelTab] = useState<PanelTab>('flags');
  /** Left/Right (mirrored right-to-left), Home and End choose a side-panel tab and focus it. */
  const onTabKey = (e: KeyboardEvent) => {
    const i = PANEL_TABS.indexOf(panelTab);
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    const n = PANEL_TABS.length;
    const next =
      e.key === forward
        ? (i + 1) % n
        : e.key === back
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setPanelTab(PANEL_TABS[next]!);
    document.getElementById(`tab-${PANEL_TABS[next]}`)?.focus();
  };
  return { panelOpen, setPanelOpen, panelTab, setPanelTab, onTabKey };
}
