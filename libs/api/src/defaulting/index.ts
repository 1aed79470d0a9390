export { applyDefaults } from './apply-defaults';
export { defaultPullPolicy } from './container-defaults';
