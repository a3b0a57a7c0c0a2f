import { XMLBuilder } from 'fast-xml-parser';
import { GateQuerySchema, type GateResult } from '../shared/gate';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, type CliIo } from './io';

export interface GateOptions {
  server?: string;
  token?: string;
  document?: string;
  minScore?: string;
  maxOpen?: string;
  maxFindings?: string;
  approved?: boolean;
  format: 'text' | 'json' | 'junit';
}

// XML 1.0 forbids most control characters even escaped.
// eslint-disable-next-line no-control-regex
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

function junit(r: GateResult): string {
  const testcase = {
    '@_name': `release gate: ${xmlSafe(r.document.title)}`,
    '@_classname': 'visavis.gate',
    ...(r.pass
      ? {}
      : { failure: { '@_message': xmlSafe(r.reasons.join('; ')), '#text': xmlSafe(r.reasons.join('\n')) } }),
  };
  const counts = { '@_tests': 1, '@_failures': r.pass ? 0 : 1, '@_errors': 0 };
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'visavis gate',
      ...counts,
      testsuite: { '@_name': xmlSafe(r.document.id), ...counts, testcase },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(tree) as string;
}

function text(r: GateResult): string {
  const counts = (c: GateResult['openFlags']) =>
    `critical ${c.critical}, major ${c.major}, minor ${c.minor}, neutral ${c.neutral}`;
  return [
    `${r.pass ? 'PASS' : 'FAIL'}  ${r.document.title} (${r.document.id}, ${r.document.status})`,
    `  quality score ${r.score.quality ?? '—'} (needed ${r.score.minScore}; ${r.score.evaluatedWords} words)`,
    `  unsettled flags: ${counts(r.openFlags)}`,
    `  QA findings: ${counts(r.findings)}`,
    ...r.reasons.map((reason) => `  ✗ ${reason}`),
    '',
  ].join('\n');
}

/**
 * `visavis gate --server URL --token T --document ID [--min-score 95] [--max-open major:0,critical:0]
 * [--max-findings …] [--approved] [--format text|json|junit]`: asks the server's release gate. Exit 0 pass,
 * 1 fail, 2 bad input, an unreachable server or an answer that is not the gate's.
 */
export async function gateCommand(io: CliIo, opts: GateOptions): Promise<number> {
  const server = opts.server ?? io.env?.VISAVIS_SERVER;
  const token = opts.token ?? io.env?.VISAVIS_TOKEN;
  if (!server || !token || !opts.document) {
    throw new CliError(EXIT_BAD_INPUT, 'say which server, token and document: --server URL --token T --document ID');
  }
  const query = {
    ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}),
    ...(opts.maxOpen !== undefined ? { maxOpen: opts.maxOpen } : {}),
    ...(opts.maxFindings !== undefined ? { maxFindings: opts.maxFindings } : {}),
    ...(opts.approved ? { approved: 'true' } : {}),
  };
  const checked = GateQuerySchema.safeParse(query);
  if (!checked.success) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `bad option: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  let url: URL;
  try {
    url = new URL(`/api/documents/${encodeURIComponent(opts.document)}/gate`, server);
  } catch {
    throw new CliError(EXIT_BAD_INPUT, `--server ${server} is not a URL`);
  }
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(60_000),
    });
  } catch (err) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `cannot reach ${server}: ${err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)}`,
    );
  }
  const body = (await res.json().catch(() => null)) as
    (GateResult & { error?: { code: string; message: string } }) | null;
  if (!res.ok || !body || typeof body.pass !== 'boolean') {
    const why = body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`;
    throw new CliError(EXIT_BAD_INPUT, `the server refused the gate request (${why})`);
  }
  if (opts.format === 'json') io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  else if (opts.format === 'junit') io.stdout(junit(body));
  else io.stdout(text(body));
  return body.pass ? 0 : EXIT_FAILURE;
}
