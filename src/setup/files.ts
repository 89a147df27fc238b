/** The setup file and its flow files on disk: reading one to apply, writing an export. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invalidParameter } from '../core/index.js';
import type { ReadFile } from './plan.js';
import type { SetupExport } from './export.js';

/** The callback-via-task scenario's setup file (examples/callback-via-task), applied on a first start. */
export const EXAMPLE_SETUP = fileURLToPath(
  new URL('../../examples/callback-via-task/setup.json', import.meta.url),
);

export interface SetupFile {
  /** The JSON as read (applySetup validates it). */
  setup: unknown;
  /** Reads a file the setup names, relative to the setup file's folder. */
  readFile: ReadFile;
}

/** Reads and parses a setup file; a file that cannot be read or is not JSON is refused, naming the file. */
export async function readSetupFile(path: string): Promise<SetupFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw invalidParameter(
      'setup file',
      `cannot read ${path} (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  let setup: unknown;
  try {
    setup = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalidParameter(
      'setup file',
      `${path} is not JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const dir = dirname(resolve(path));
  return { setup, readFile: (file) => readFile(isAbsolute(file) ? file : join(dir, file), 'utf8') };
}

/** Writes setup.json and the flow files into `dir` (made if missing); refuses a folder with files unless `force`. */
export function writeSetupExport(dir: string, exported: SetupExport, force = false): string[] {
  mkdirSync(dir, { recursive: true });
  if (!force && readdirSync(dir).length > 0)
    throw new Error(`${dir} is not empty: choose an empty folder, or --force to write over its files`);
  const setupPath = join(dir, 'setup.json');
  writeFileSync(setupPath, `${JSON.stringify(exported.setup, null, 2)}\n`);
  const written = [setupPath];
  for (const f of exported.files) {
    const path = join(dir, f.name);
    writeFileSync(path, f.content);
    written.push(path);
  }
  return written;
}
