import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '@wake/store';
import type { TokenEntry } from './token-file';

/** Bearer tokens → who presents them: the admin token, plus the entries of a static token file (users, nodes). */
export class TokenAuthenticator {
  private readonly tokens: Map<string, Actor>;

  constructor(adminToken: string, more: readonly TokenEntry[] = []) {
    this.tokens = new Map([[adminToken, { type: 'user', name: 'wake-admin', groups: ['system:masters', 'system:authenticated'] }]]);
    for (const e of more) if (!this.tokens.has(e.token)) this.tokens.set(e.token, e.actor);
  }

  /** The user of an `Authorization` header, or undefined (answer 401). */
  authenticate(header: string | undefined): Actor | undefined {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!m) return undefined;
    const given = Buffer.from(m[1]);
    for (const [token, actor] of this.tokens) {
      const want = Buffer.from(token);
      if (want.length === given.length && timingSafeEqual(want, given)) return actor;
    }
    return undefined;
  }
}
