import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { flowContentProblems, unwrapFlowExport, type ContentProblem } from '../flows/content.js';
import { readFlowDocument, type FlowDocument, type FlowType } from '../flows/model.js';
import type { SimFlow } from '../flows/simulator.js';

export interface FlowFile {
  file: string;
  content: string;
  type?: FlowType;
  name?: string;
  flow?: FlowDocument;
  /** What keeps it from being published (InvalidContactFlowException's problems). */
  problems: ContentProblem[];
}

/** A file that cannot be read, or is not JSON: the CLI's exit code 2. */
export class UnreadableFlowFile extends Error {}

/** Reads a flow export (bare or wrapped) from disk. */
export function readFlowFile(file: string): FlowFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UnreadableFlowFile(`${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const exported = unwrapFlowExport(text);
  const { flow } = readFlowDocument(exported.content);
  const problems = flowContentProblems(exported.content, 'PUBLISHED');
  if (problems.some((p) => p.code === 'NOT_JSON')) throw new UnreadableFlowFile(`${file}: is not JSON`);
  return {
    file,
    content: exported.content,
    ...(exported.type && { type: exported.type }),
    ...(exported.name && { name: exported.name }),
    ...(flow && { flow }),
    problems,
  };
}

/** A flow file as the simulator knows it: by file name (with and without .json) and by its own name. */
export function toSimFlow(f: FlowFile, fallbackType: FlowType = 'CONTACT_FLOW'): SimFlow {
  if (!f.flow) throw new UnreadableFlowFile(`${f.file}: ${f.problems.map((p) => p.message).join('; ')}`);
  const base = basename(f.file);
  return {
    id: base.replace(/\.json$/i, ''),
    names: [base, ...(f.name ? [f.name] : [])],
    type: f.type ?? f.flow.metadataType ?? fallbackType,
    flow: f.flow,
  };
}

/** Every `*.json` flow file in a folder (not recursive). */
export function readFlowFolder(dir: string): FlowFile[] {
  if (!statSync(dir).isDirectory()) throw new UnreadableFlowFile(`${dir}: is not a folder`);
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort()
    .map((f) => readFlowFile(join(dir, f)));
}
