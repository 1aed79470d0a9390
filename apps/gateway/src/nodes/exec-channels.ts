/** The Kubernetes remote-command channel protocol over WebSocket (v4/v5.channel.k8s.io). */
export const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;
export type ChannelProtocol = (typeof PROTOCOLS)[number];

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
/** v5 only: the client closes one of its streams (`[255, 0]` = stdin reached EOF). */
export const CLOSE = 255;

/** The first protocol we speak among those the client offers (Sec-WebSocket-Protocol), in our order of preference. */
export function chooseProtocol(offered: string | undefined): ChannelProtocol | undefined {
  const list = (offered ?? '').split(',').map((s) => s.trim());
  return PROTOCOLS.find((p) => list.includes(p));
}

export function frame(channel: number, data: Uint8Array | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  return Buffer.concat([Buffer.from([channel]), body]);
}

/** The Status kubectl reads on channel 3 when the command ends; a non-zero exit code becomes its exit code. */
export function exitStatus(exitCode: number, message?: string): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {}, status: 'Failure', reason: 'NonZeroExitCode',
    message: message ?? `command terminated with non-zero exit code: error executing command, exit status ${exitCode}`,
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

export function errorStatus(message: string): Record<string, unknown> {
  return { metadata: {}, status: 'Failure', reason: 'InternalError', message };
}

/** A client frame: which channel, and the payload. */
export function parseFrame(data: Buffer): { channel: number; payload: Buffer } | undefined {
  if (!data.length) return undefined;
  return { channel: data[0], payload: data.subarray(1) };
}

/** Resize payload `{"Width":80,"Height":24}` → TerminalSize. */
export function parseResize(payload: Buffer): { width: number; height: number } | undefined {
  try {
    const j = JSON.parse(payload.toString('utf8')) as { Width?: number; Height?: number };
    return typeof j.Width === 'number' && typeof j.Height === 'number' ? { width: j.Width, height: j.Height } : undefined;
  } catch {
    return undefined;
  }
}
