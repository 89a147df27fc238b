/** How the picture and the list name branches and blocks, in the page's language. Pure helpers. */
import { blockTitle, type Block, type Branch } from './graph.js';
import type { FlowsT } from './messages.js';

/** A branch in words: "Success" for the next action, "Timeout" for the input time limit, else its condition. */
export function branchText(branch: Branch, ft: FlowsT): string {
  if (branch.kind === 'next') return ft('graph.next');
  if (branch.kind === 'error' && branch.label === 'InputTimeLimitExceeded') return ft('graph.timeout');
  return branch.label;
}

/** Text cut to about `room` Latin characters (a CJK character counts as two), with an ellipsis when cut. */
export function clip(text: string, room: number): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w =
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1;
    if (used + w > room) return `${out.trimEnd()}…`;
    used += w;
    out += ch;
  }
  return out;
}

/** "Greeting (MessageParticipant)" — how findings and the list name a block. */
export const blockWords = (b: Pick<Block, 'id' | 'type' | 'name'>): string =>
  b.name ? `${b.name} (${b.type})` : blockTitle(b);
