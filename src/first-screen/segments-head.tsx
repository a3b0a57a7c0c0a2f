/**
 * The segments table's caption and header row: the same in the app (segment-table.tsx) and in the server's first
 * screen (first-screen.tsx), so the columns line up when the app takes over. Strings come translated.
 */
export interface SegmentsHeadLabels {
  caption: string;
  number: string;
  status: string;
  source: string;
  target: string;
}

export function SegmentsHead({ labels }: { labels: SegmentsHeadLabels }) {
  return (
    <>
      <caption className="visually-hidden">{labels.caption}</caption>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className="seg-number">
            {labels.number}
          </th>
          <th scope="col" className="seg-status">
            {labels.status}
          </th>
          <th scope="col">{labels.source}</th>
          <th scope="col">{labels.target}</th>
        </tr>
      </thead>
    </>
  );
}
