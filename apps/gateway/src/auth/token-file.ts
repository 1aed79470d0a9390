import type { Actor } from '@wake/store';

/** One line of a static token file: the bearer token and who presents it. */
export interface TokenEntry {
  readonly token: string;
  readonly actor: Actor;
}

const NODE_USER = /^system:node:(.+)$/;

/**
 * Who a token file's user is: `system:node:<name>` in group `system:nodes` is node <name> (the
 * identity Kubernetes' Node authorizer and NodeRestriction recognise), anyone else a user.
 */
export function actorOfUser(name: string, groups: readonly string[]): Actor {
  const node = NODE_USER.exec(name)?.[1];
  if (node && groups.includes('system:nodes')) return { type: 'node', node };
  return { type: 'user', name, groups: [...groups.filter((g) => g !== 'system:authenticated'), 'system:authenticated'] };
}

/** The columns of one CSV line; a double-quoted column may hold commas ("" is a quote). */
function csvColumns(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/**
 * Parses a static token file in kube-apiserver's --token-auth-file format:
 * `token,user,uid[,"group1,group2"]` per line; blank lines and `#` comments are skipped.
 */
export function parseTokenFile(text: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [token, user, , groups] = csvColumns(line);
    if (!token || !user) throw new Error(`token file line ${i + 1}: expected token,user,uid[,"groups"]`);
    entries.push({ token, actor: actorOfUser(user, groups ? groups.split(',').map((g) => g.trim()).filter(Boolean) : []) });
  });
  return entries;
}
