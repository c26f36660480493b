/**
 * Lets a plain `node` process load the TypeScript sources, compiled in memory by @swc/core with the options the
 * test runner uses (see jest.config.js): `node --require ./test/support/swc-register.js some.ts`.
 * Compiled files are cached by content in LEDGER_SWC_CACHE, when set, so that a child restarted many times compiles once.
 */
'use strict';
const { transformSync } = require('@swc/core');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

// The very options jest compiles the tests with, so the child runs the code the tests run.
const [, options] = require('../../jest.config.js').transform['^.+\\.ts$'];
const cacheDir = process.env.LEDGER_SWC_CACHE;
if (cacheDir) mkdirSync(cacheDir, { recursive: true });

function compile(source, filename) {
  if (!cacheDir) return transformSync(source, { ...options, filename }).code;
  const cached = join(cacheDir, createHash('sha256').update(filename).update('\0').update(source).digest('hex') + '.js');
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const code = transformSync(source, { ...options, filename }).code;
    // Written whole under a temporary name, then renamed: a child killed mid-write leaves no half file behind.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    require('node:fs').renameSync(partial, cached);
    return code;
  }
}

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
};
