/**
 * Copies a text to the clipboard and says so (role=status), or says in words that it could not. Where the
 * Clipboard API is missing (a page served over plain http to another host), the older copy command is tried.
 */
import { useState } from 'react';
import { usePeopleT } from './messages.js';

function copyByCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const tp = usePeopleT();
  const [outcome, setOutcome] = useState<'copied' | 'failed'>();

  const copy = async () => {
    setOutcome(undefined);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome(copyByCommand(text) ? 'copied' : 'failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {outcome === 'copied' && tp('key.copied')}
      </span>
      <span role="alert" className="error">
        {outcome === 'failed' && tp('key.copyFailed')}
      </span>
    </span>
  );
}
