import { loginKey } from '../../shared/users';
import type { SignInThrottle } from './auth-store';

export interface ThrottleOptions {
  /** Failed attempts allowed per IP and login in a window (default 10). */
  perLogin?: number;
  /** Failed attempts allowed per IP over all logins in a window (default 50): password spraying. */
  perIp?: number;
  windowMs?: number;
  now?: () => number;
}

interface Bucket {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed sign-ins (and wrong current passwords) per IP + login and per IP, in fixed windows.
 * In memory: a restart forgets, which an attacker cannot trigger. Successful sign-ins are not counted,
 * so a team behind one NAT address is not locked out by its own work.
 */
export class LoginThrottle implements SignInThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perLogin: number;
  private readonly perIp: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(opts: ThrottleOptions = {}) {
    this.perLogin = opts.perLogin ?? 10;
    this.perIp = opts.perIp ?? 50;
    this.windowMs = opts.windowMs ?? 15 * 60 * 1000;
    this.now = opts.now ?? Date.now;
  }

  private keys(ip: string, login: string) {
    return [`${ip}\n${loginKey(login)}`, `${ip}\n*`] as const;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  async retryAfter(ip: string, login: string): Promise<number> {
    const now = this.now();
    const [one, all] = this.keys(ip, login);
    let wait = 0;
    for (const [key, limit] of [
      [one, this.perLogin],
      [all, this.perIp],
    ] as const) {
      const b = this.buckets.get(key);
      if (b && b.resetAt > now && b.failures >= limit) wait = Math.max(wait, Math.ceil((b.resetAt - now) / 1000));
    }
    return wait;
  }

  async failed(ip: string, login: string): Promise<void> {
    const now = this.now();
    if (this.buckets.size > 10_000) this.prune(now);
    for (const key of this.keys(ip, login)) {
      const b = this.buckets.get(key);
      if (!b || b.resetAt <= now) this.buckets.set(key, { failures: 1, resetAt: now + this.windowMs });
      else b.failures++;
    }
  }

  /** A success clears that login's count from that IP (not the IP's total). */
  async succeeded(ip: string, login: string): Promise<void> {
    this.buckets.delete(this.keys(ip, login)[0]);
  }

  private prune(now: number) {
    for (const [key, b] of this.buckets) if (b.resetAt <= now) this.buckets.delete(key);
  }
}
