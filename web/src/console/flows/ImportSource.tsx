/** Where the imported flow comes from: a .json file chosen, or JSON pasted (the file's text is shown there too). */
import { useState, type ChangeEvent } from 'react';
import { ErrorMessage } from '../../errors.js';
import { useFlowsT } from './messages.js';

export function ImportSource({ text, onText }: { text: string; onText: (text: string) => void }) {
  const ft = useFlowsT();
  const [fileError, setFileError] = useState<string>();

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    file
      .text()
      .then(onText)
      .catch((err: unknown) =>
        setFileError(ft('import.fileError', { error: err instanceof Error ? err.message : String(err) })),
      );
  };

  return (
    <div className="source">
      <p className="help">{ft('import.help')}</p>
      <label htmlFor="flow-file">{ft('import.file')}</label>
      <input id="flow-file" type="file" accept=".json,application/json" onChange={choose} />
      <ErrorMessage error={fileError} />
      <label htmlFor="flow-json">{ft('import.paste')}</label>
      <textarea
        id="flow-json"
        className="json"
        rows={8}
        spellCheck={false}
        value={text}
        onChange={(e) => onText(e.target.value)}
      />
    </div>
  );
}
