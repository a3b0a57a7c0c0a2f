/**
 * The app taking over from the server's first screen (first-screen.tsx). The first screen sits beside the app's
 * root (#first-screen, then #root) and the app renders hidden behind it (`first-screen-on` on <html>); once the
 * workspace's rows are drawn, `takeFirstScreen` reads what the user did there — the translations typed, the
 * cell with the focus and its selection, the row at the top of the window — removes it and shows the app, all
 * in one task, so no keystroke falls between the two.
 */

export interface FirstScreenEdit {
  segmentId: string;
  text: string;
}

export interface Handover {
  /** Translations changed on the first screen: drafts for the app's save queue. */
  edits: FirstScreenEdit[];
  /** The translation cell that had the focus, and its selection (a caret: start = end). */
  focus: { segmentId: string; start: number; end: number } | null;
  /** The first row in view when the user had scrolled (null at the top). */
  topSegmentId: string | null;
}

const FIRST_SCREEN_ID = 'first-screen';
const ON_CLASS = 'first-screen-on';

export function hasFirstScreen(doc: Document = document): boolean {
  return doc.getElementById(FIRST_SCREEN_ID) !== null;
}

function topRow(root: HTMLElement, win: Window): string | null {
  if (win.scrollY <= 0) return null;
  for (const row of root.querySelectorAll<HTMLElement>('tr[data-segment-id]')) {
    if (row.getBoundingClientRect().bottom > 0) return row.dataset.segmentId ?? null;
  }
  return null;
}

/**
 * What the user did on the first screen; removes it and shows the app. Null when there is none (the page was
 * not drawn by the server, or it was taken already).
 */
export function takeFirstScreen(doc: Document = document): Handover | null {
  const root = doc.getElementById(FIRST_SCREEN_ID);
  if (!root) return null;
  const win = doc.defaultView ?? window;
  const edits: FirstScreenEdit[] = [];
  let focus: Handover['focus'] = null;
  for (const cell of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')) {
    const segmentId = cell.dataset.segmentId!;
    // Line ends as the app's cells give them (a paste may bring \r\n).
    if (cell.value !== cell.defaultValue) edits.push({ segmentId, text: cell.value.replace(/\r\n?/g, '\n') });
    if (doc.activeElement === cell) focus = { segmentId, start: cell.selectionStart, end: cell.selectionEnd };
  }
  const topSegmentId = focus ? null : topRow(root, win);
  root.remove();
  doc.documentElement.classList.remove(ON_CLASS);
  win.scrollTo(0, 0);
  return { edits, focus, topSegmentId };
}

/** Shows the app without handing anything over (it shows another page, or the document failed to load). */
export function dropFirstScreen(doc: Document = document): void {
  doc.getElementById(FIRST_SCREEN_ID)?.remove();
  doc.documentElement.classList.remove(ON_CLASS);
}
