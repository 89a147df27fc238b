// The `tsunagi` command's entry: bin/tsunagi.js runs the built copy of this file.
import { main } from './main.js';

await main(process.argv);
