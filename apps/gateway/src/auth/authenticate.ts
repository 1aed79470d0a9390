import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '@wake/store';

/** Bearer tokens → users. One admin token today; a token file with more users can come later. */
export class TokenAuthenticator {
  private readonly tokens: Map<string, Actor>;

  constructor(adminToken: string) {
    this.tokens = new Map([[adminToken, { type: 'user', name: 'wake-admin', groups: ['system:masters', 'system:authenticated'] }]]);
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
