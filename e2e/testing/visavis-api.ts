/**
 * A small client of a Vis-à-vis server for QA checks (`visavis/testing`): with a personal API token
 * (Authorization: Bearer, no CSRF) or with a login and password (a session cookie and its CSRF token).
 */
export interface Credentials {
  token?: string | undefined;
  login?: string | undefined;
  password?: string | undefined;
}

export interface GateAnswer {
  pass: boolean;
  reasons: string[];
  score: { quality: number | null; minScore: number };
  openFlags: Record<'neutral' | 'minor' | 'major' | 'critical' | 'total', number>;
  findings: Record<'neutral' | 'minor' | 'major' | 'critical' | 'total', number>;
}

export class VisavisApi {
  private session: Promise<{ cookie: string; csrf: string }> | null = null;

  constructor(
    readonly baseURL: string,
    private readonly credentials: Credentials,
  ) {
    if (!credentials.token && !(credentials.login && credentials.password)) {
      throw new Error('Give an API token (E2E_TOKEN) or a login and password (E2E_LOGIN, E2E_PASSWORD).');
    }
  }

  /** Credentials from E2E_TOKEN, or E2E_LOGIN and E2E_PASSWORD. */
  static fromEnv(baseURL = process.env.E2E_BASE_URL ?? ''): VisavisApi {
    return new VisavisApi(baseURL, {
      token: process.env.E2E_TOKEN,
      login: process.env.E2E_LOGIN,
      password: process.env.E2E_PASSWORD,
    });
  }

  private async headers(method: string): Promise<Record<string, string>> {
    if (this.credentials.token) return { authorization: `Bearer ${this.credentials.token}` };
    this.session ??= (async () => {
      const res = await fetch(new URL('/api/session', this.baseURL), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: this.credentials.login, password: this.credentials.password }),
      });
      if (!res.ok) throw new Error(`sign-in as ${this.credentials.login} failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    })();
    const s = await this.session;
    return method === 'GET' ? { cookie: s.cookie } : { cookie: s.cookie, 'x-csrf-token': s.csrf };
  }

  /** Any API call: JSON in, JSON out; a 4xx or 5xx throws with the server's error code. */
  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers = await this.headers(method);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, this.baseURL), {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  async documents(): Promise<{ id: string; title: string; status: string }[]> {
    return (await this.request<{ documents: { id: string; title: string; status: string }[] }>('GET', '/api/documents'))
      .documents;
  }

  /** The document titled `title` (the first one), or undefined. */
  async documentByTitle(title: string) {
    return (await this.documents()).find((d) => d.title === title);
  }

  async createDocument(doc: {
    title: string;
    sourceLang: string;
    targetLang: string;
    segments: { source: string; target: string }[];
  }): Promise<{ id: string; segments: { id: string; version: number; target: string }[] }> {
    return (await this.request<{ document: never }>('POST', '/api/documents', doc)).document;
  }

  /** Deletes a document (admins); without that right, archives it (editors), so the list stays clean. */
  async removeDocument(id: string): Promise<void> {
    try {
      await this.request('DELETE', `/api/documents/${encodeURIComponent(id)}`);
    } catch {
      await this.request('PATCH', `/api/documents/${encodeURIComponent(id)}`, { archived: true });
    }
  }

  /** A document's events after `after` (who did what: `actor`, and `token` when an API token did it). */
  async events(id: string, after = 0) {
    const path = `/api/documents/${encodeURIComponent(id)}/events?after=${after}`;
    return (await this.request<{ events: { seq: number; type: string; actor: string; token?: string }[] }>('GET', path))
      .events;
  }

  /** The release gate: e.g. gate(id, { minScore: 95, maxOpen: 'major:0,critical:0' }). */
  async gate(id: string, q: { minScore?: number; maxOpen?: string; maxFindings?: string; approved?: boolean } = {}) {
    const params = new URLSearchParams();
    if (q.minScore !== undefined) params.set('minScore', String(q.minScore));
    if (q.maxOpen) params.set('maxOpen', q.maxOpen);
    if (q.maxFindings) params.set('maxFindings', q.maxFindings);
    if (q.approved) params.set('approved', 'true');
    return this.request<GateAnswer>('GET', `/api/documents/${encodeURIComponent(id)}/gate?${params}`);
  }
}
