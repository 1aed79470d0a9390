export { removeContainersSequentially } from '@wake/testing';
