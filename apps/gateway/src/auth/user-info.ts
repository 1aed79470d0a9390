import type { Actor } from '@wake/store';

/** authentication/v1 UserInfo of an actor, as `kubectl auth whoami` shows it. */
export interface UserInfo {
  readonly username: string;
  readonly groups: string[];
}

export function userInfoOf(actor: Actor): UserInfo {
  switch (actor.type) {
    case 'user': return { username: actor.name, groups: [...(actor.groups ?? ['system:authenticated'])] };
    case 'node': return { username: `system:node:${actor.node}`, groups: ['system:nodes', 'system:authenticated'] };
    case 'component': return { username: `system:${actor.name}`, groups: ['system:authenticated'] };
  }
}
