/**
 * How the gateway reaches a node agent for what does not go through the log: container
 * logs and exec. Core NATS (request/reply and plain subjects); the node agent answers only
 * for pods bound to its own node, and checks the pod's uid.
 *
 * Logs:  gateway subscribes to a fresh inbox `replyTo`, then publishes LogRequest to
 *        `logsSubject(node)`. The agent publishes raw byte chunks to `replyTo`; the last
 *        message carries header `Wake-Eof: 1` (empty body) or `Wake-Error: <message>` with
 *        `Wake-Error-Code: NotFound|BadRequest|Internal`. With follow, the stream ends when the
 *        container stops or when the gateway publishes anything to `${replyTo}.cancel`.
 * Exec:  gateway subscribes to `${session}.stdout`, `${session}.stderr`, `${session}.exit`
 *        (a fresh inbox prefix), then REQUESTs `execSubject(node)` with ExecRequest; the reply is
 *        ExecStarted ({ok:true}) or an error ({ok:false, code, message}). The gateway sends stdin
 *        bytes to `${session}.stdin`, an empty message with header `Wake-Eof: 1` to close stdin,
 *        and TerminalSize JSON to `${session}.resize`. The agent sends output chunks to
 *        `.stdout`/`.stderr` and finally ExecExit JSON to `.exit`. Attach is the same session with
 *        `attach: true` and no command: the container's main process instead of a new one.
 * Port-forward: gateway subscribes to `${session}.down`, then REQUESTs `portForwardSubject(node)`
 *        with PortForwardRequest; the agent dials the pod's address on the port and replies
 *        ExecStarted once connected (and listening on `${session}.up`). Bytes for the pod go to
 *        `.up`, the pod's bytes come back on `.down`; an empty message with `Wake-Eof: 1` half-closes
 *        a direction; `Wake-Error: <message>` on `.down` ends the connection with an error;
 *        anything on `${session}.close` makes the agent drop the connection.
 */
export const logsSubject = (node: string) => `wake.node.${encodeNode(node)}.logs`;
export const execSubject = (node: string) => `wake.node.${encodeNode(node)}.exec`;
export const portForwardSubject = (node: string) => `wake.node.${encodeNode(node)}.portforward`;

/** Node names are DNS subdomains: dots are not safe in a subject token. */
export function encodeNode(node: string): string {
  return node.replace(/\./g, '_2e');
}

export const EOF_HEADER = 'Wake-Eof';
export const ERROR_HEADER = 'Wake-Error';
export const ERROR_CODE_HEADER = 'Wake-Error-Code';

export interface PodRef {
  readonly namespace: string;
  readonly pod: string;
  readonly uid: string;
  /** Container name; defaults to the pod's only container (error if several and none given). */
  readonly container?: string;
}

export interface LogRequest extends PodRef {
  readonly replyTo: string;
  readonly follow?: boolean;
  readonly tailLines?: number;
  readonly sinceSeconds?: number;
  readonly sinceTime?: string;
  readonly timestamps?: boolean;
  readonly previous?: boolean;
  readonly limitBytes?: number;
}

export interface ExecRequest extends PodRef {
  readonly session: string;
  /** Attach to the container's main process (`kubectl attach`) instead of running a command. */
  readonly attach?: boolean;
  /** The command to run; empty when attaching. */
  readonly command: readonly string[];
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly tty: boolean;
}

export type ExecStarted = { readonly ok: true } | { readonly ok: false; readonly code: 'NotFound' | 'BadRequest' | 'Internal'; readonly message: string };
export interface ExecExit { readonly exitCode: number; readonly message?: string }
export interface TerminalSize { readonly width: number; readonly height: number }

export interface PortForwardRequest {
  readonly namespace: string;
  readonly pod: string;
  readonly uid: string;
  readonly session: string;
  readonly port: number;
}
