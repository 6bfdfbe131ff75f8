#!/usr/bin/env node
// The `gradebook` command: runs the TypeScript CLI through tsx so it works right after npm install.
// tsx reads `@shared/...` from the project's tsconfig, whatever the working folder.
process.env.TSX_TSCONFIG_PATH ??= require('node:path').join(__dirname, '../../tsconfig.json');
require('tsx/cjs');
require('./index.ts');
