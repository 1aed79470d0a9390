import { chooseProtocol, exitStatus, frame, parseFrame, parseResize } from './exec-channels';

describe('exec channel protocol', () => {
  it('negotiates v5, then v4, and nothing older', () => {
    expect(chooseProtocol('v5.channel.k8s.io')).toBe('v5.channel.k8s.io');
    expect(chooseProtocol('v4.channel.k8s.io, v5.channel.k8s.io')).toBe('v5.channel.k8s.io');
    expect(chooseProtocol('v4.channel.k8s.io,channel.k8s.io')).toBe('v4.channel.k8s.io');
    expect(chooseProtocol('channel.k8s.io')).toBeUndefined();
    expect(chooseProtocol(undefined)).toBeUndefined();
  });
  it('frames and parses channel data', () => {
    expect([...frame(1, 'hi')]).toEqual([1, 104, 105]);
    expect(parseFrame(Buffer.from([255, 0]))).toEqual({ channel: 255, payload: Buffer.from([0]) });
    expect(parseResize(Buffer.from('{"Width":80,"Height":24}'))).toEqual({ width: 80, height: 24 });
  });
  it('reports the exit code as kubectl expects it', () => {
    expect(exitStatus(0)).toEqual({ metadata: {}, status: 'Success' });
    expect(exitStatus(3)).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
  });
});
