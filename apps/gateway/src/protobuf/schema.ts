import fs from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

/** The Kubernetes messages Wake decodes (k8s-subset.proto, copied from upstream's generated.proto files). */
let root: protobuf.Root | undefined;

export function k8sProtoRoot(): protobuf.Root {
  if (!root) {
    const text = fs.readFileSync(path.join(__dirname, 'k8s-subset.proto'), 'utf8');
    root = protobuf.parse(text, { keepCase: true }).root;
    root.resolveAll();
  }
  return root;
}

export function k8sMessage(name: string): protobuf.Type {
  return k8sProtoRoot().lookupType(`wake.k8s.${name}`);
}

/**
 * The request bodies kubectl's typed clients send, by `apiVersion` and `kind` of the envelope:
 * the message that decodes each. A kind not listed here is refused, not guessed at.
 */
const SUPPORTED: Readonly<Record<string, string>> = {
  'apps/v1 Deployment': 'Deployment',
  'v1 ConfigMap': 'ConfigMap',
  'v1 Secret': 'Secret',
  'v1 Namespace': 'Namespace',
  'v1 Service': 'Service',
  'v1 ServiceAccount': 'ServiceAccount',
  'batch/v1 Job': 'Job',
  'batch/v1 CronJob': 'CronJob',
  'policy/v1 Eviction': 'Eviction',
  'policy/v1 PodDisruptionBudget': 'PodDisruptionBudget',
  'autoscaling/v1 HorizontalPodAutoscaler': 'HorizontalPodAutoscaler',
  'v1 DeleteOptions': 'DeleteOptions',
  'meta.k8s.io/v1 DeleteOptions': 'DeleteOptions',
  'authorization.k8s.io/v1 SelfSubjectAccessReview': 'SelfSubjectAccessReview',
  'authorization.k8s.io/v1 SelfSubjectRulesReview': 'SelfSubjectRulesReview',
  'authentication.k8s.io/v1 SelfSubjectReview': 'SelfSubjectReview',
  'authentication.k8s.io/v1 TokenRequest': 'TokenRequest',
};

export function messageNameFor(apiVersion: string, kind: string): string | undefined {
  return SUPPORTED[`${apiVersion} ${kind}`];
}

export const supportedKinds = (): string[] => Object.keys(SUPPORTED).map((k) => k.replace(' ', ', Kind='));
