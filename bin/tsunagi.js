#!/usr/bin/env node
// The `tsunagi` command. `npm install` / `npm ci` build dist/ through the prepare script.
import { main } from '../dist/cli/main.js';

await main(process.argv);
