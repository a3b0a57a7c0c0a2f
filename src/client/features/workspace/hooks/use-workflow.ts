import { useState } from 'react';
import type { Segment, StatusAction, StatusBody } from '../../../../shared/schemas';
import { ApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/use-error-text';
import { useApproveClean, useDocumentStatus, useSegmentStatus } from '../api';

export interface ReasonRequest {
  action: 'request-changes';
  run: (reason: string) => void;
}

/**
 * Editor decisions on segments and on the document. Approval refused for unsettled major/critical flags
 * opens the override dialog; request-changes asks why first.
 */
export function useWorkflow(docId: string) {
  const errorText = useErrorText();
  const segmentStatus = useSegmentStatus(docId);
  const documentStatus = useDocumentStatus(docId);
  const approveClean = useApproveClean(docId);
  const [override, setOverride] = useState<{ count: number; retry: (reason: string) => void } | null>(null);
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [approvedCount, setApprovedCount] = useState<number | null>(null);

  async function send(run: (body: StatusBody) => Promise<unknown>, body: StatusBody) {
    setError(null);
    try {
      await run(body);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNSETTLED_FLAGS' && !body.override) {
        const count = (err.details as { flagIds?: string[] } | undefined)?.flagIds?.length ?? 1;
        setOverride({ count, retry: (reason) => void send(run, { ...body, override: true, reason }) });
        return;
      }
      setError(errorText(err));
    }
  }

  function decide(run: (body: StatusBody) => Promise<unknown>, action: StatusAction) {
    if (action === 'request-changes') {
      setReasonRequest({ action, run: (reason) => void send(run, { action, reason, override: false }) });
    } else {
      void send(run, { action, override: false });
    }
  }

  return {
    busy: segmentStatus.isPending || documentStatus.isPending || approveClean.isPending,
    error,
    approvedCount,
    override,
    closeOverride: () => setOverride(null),
    reasonRequest,
    closeReason: () => setReasonRequest(null),
    segment: (segment: Segment, action: StatusAction) =>
      decide((body) => segmentStatus.mutateAsync({ segmentId: segment.id, body }), action),
    document: (action: StatusAction) => decide((body) => documentStatus.mutateAsync(body), action),
    approveClean: () => {
      setError(null);
      approveClean.mutate(undefined, {
        onSuccess: (r) => setApprovedCount(r.approved),
        onError: (err) => setError(errorText(err)),
      });
    },
  };
}
