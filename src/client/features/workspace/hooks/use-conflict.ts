import type { DocumentState } from '../../../../shared/schemas';
import type { ConflictInfo } from '../components/conflict-dialog';
import { languageDirection } from '../../../../shared/lang/direction';
import type { Draft, SaveQueue } from '../lib/save-queue';

/**
 * The conflict to show, if any: a segment someone else saved first. It waits until typing pauses (the save
 * pill says "Conflict" at once), so every key lands in the cell and in "your version".
 */
export function useConflict(
  doc: DocumentState | undefined,
  drafts: readonly Draft[],
  typing: boolean,
  queue: SaveQueue,
  reload: () => void,
) {
  const targetLang = doc?.targetLang ?? 'und';
  const draft = drafts.find((d) => d.state === 'conflict' && d.theirs);
  const conflict: ConflictInfo | null =
    draft && draft.theirs && !typing
      ? {
          segmentNumber: draft.theirs.index + 1,
          mine: draft.text,
          theirs: draft.theirs,
          lang: targetLang,
          dir: languageDirection(targetLang),
        }
      : null;
  return {
    conflict,
    onKeepMine: () => draft?.theirs && queue.resolveConflict(draft.segmentId, draft.text, draft.theirs),
    onTakeTheirs: () => {
      if (!draft) return;
      queue.discard(draft.segmentId);
      reload();
    },
    onSaveMerged: (text: string) => draft?.theirs && queue.resolveConflict(draft.segmentId, text, draft.theirs),
  };
}
