/**
 * Who is writing. Users come from the gateway's authentication; components and node agents
 * from their own credentials. The actor is recorded on every event.
 */
export type Actor =
  | { readonly type: 'user'; readonly name: string; readonly groups?: readonly string[] }
  | { readonly type: 'component'; readonly name: string } // scheduler, controllers, projector…
  | { readonly type: 'node'; readonly node: string };

export function actorString(a: Actor): string {
  switch (a.type) {
    case 'user': return `user:${a.name}`;
    case 'component': return `system:${a.name}`;
    case 'node': return `system:node:${a.node}`;
    default: return assertNever(a);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
