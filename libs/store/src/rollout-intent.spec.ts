import type { KubeObject } from '@wake/events';
import { isKubectlUndoPatch, rolloutIntent } from './rollout-intent';

const deploy = (template: Record<string, unknown>, paused = false): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, paused, template },
});
const v1 = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } };
const v2 = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:2' }] } };
const restarted = { ...v2, metadata: { ...v2.metadata, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-23T17:00:00Z' } } };

describe('rolloutIntent', () => {
  it('names what kubectl rollout did', () => {
    expect(rolloutIntent(deploy(v2), deploy(v1), 'kubectl-rollout')).toBe('RolledBack');
    expect(rolloutIntent(deploy(v2), deploy(restarted), 'kubectl-rollout')).toBe('Restarted');
    expect(rolloutIntent(deploy(v2), deploy(v2, true), 'kubectl-rollout')).toBe('Paused');
    expect(rolloutIntent(deploy(v2, true), deploy(v2), 'kubectl-rollout')).toBe('Resumed');
  });

  it('leaves every other write its derived intent', () => {
    expect(rolloutIntent(deploy(v2), deploy(v1), 'kubectl-set')).toBeUndefined();
    expect(rolloutIntent(deploy(v2), deploy(v1), undefined)).toBeUndefined();
    expect(rolloutIntent(deploy(v2), deploy(v2), 'kubectl-rollout')).toBeUndefined();
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } };
    expect(rolloutIntent(cm, cm, 'kubectl-rollout')).toBeUndefined();
  });
});

describe('isKubectlUndoPatch', () => {
  const undo = [{ op: 'replace', path: '/spec/template', value: v1 }, { op: 'replace', path: '/metadata/annotations', value: {} }];
  it('recognises the patch kubectl rollout undo sends for a Deployment', () => {
    expect(isKubectlUndoPatch('Deployment', undo, 'application/json-patch+json')).toBe(true);
  });
  it('and nothing else', () => {
    expect(isKubectlUndoPatch('Deployment', undo.slice(0, 1), 'application/json-patch+json')).toBe(false);
    expect(isKubectlUndoPatch('Deployment', undo, 'application/merge-patch+json')).toBe(false);
    expect(isKubectlUndoPatch('StatefulSet', undo, 'application/json-patch+json')).toBe(false);
    expect(isKubectlUndoPatch('Deployment', [undo[1], undo[0]], 'application/json-patch+json')).toBe(false);
  });
});
