#!/usr/bin/env node
// The `tsunagi` command. `npm install` / `npm ci` build dist/ through the prepare script.
import '../dist/cli/run.js';
