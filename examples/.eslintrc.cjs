// The repository root config sets no parser options; the generator here is a plain Node ESM script.
module.exports = {
  env: { node: true, es2022: true },
  parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
  extends: ['eslint:recommended'],
};
