/**
 * The name of a deliverable (issue #14): `<title>.<ext>`, the characters file systems refuse (and control
 * characters) replaced by `_`. The server's Content-Disposition and the export menu's download name are this one.
 */
export function deliverableFileName(title: string, ext: string): string {
  const safe = [...title]
    .map((c) => (c < ' ' || c === '\u007f' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return `${safe || 'document'}.${ext}`;
}
