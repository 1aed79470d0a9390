export { strategicMergePatch } from './strategic-merge-patch';
export { mergeStrategyOf, type MergeStrategy } from './merge-keys';
export { jsonMergePatch } from './json-merge-patch';
export { jsonPatch } from './json-patch';
export { applyPatch, PATCH_CONTENT_TYPES } from './apply-patch';
