// The browser tests use ui/'s tooling and rules (ESLint looks for a config next to each file).
export { default } from '../../ui/eslint.config.js';
