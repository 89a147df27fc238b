#!/usr/bin/env node
// The `tsunagi` command. `npm install` builds dist/ through the prepare script.
import '../dist/cli/run.js';
