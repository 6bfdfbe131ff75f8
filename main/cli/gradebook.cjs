#!/usr/bin/env node
// The `gradebook` command: runs the TypeScript CLI through tsx so it works right after npm install.
require('tsx/cjs');
require('./index.ts');
