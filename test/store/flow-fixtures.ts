import { createHash } from 'node:crypto';

/** A small valid flow: play a message, then disconnect. */
export const content = (text = 'Hello') =>
  JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'greet',
    Actions: [
      {
        Identifier: 'greet',
        Type: 'MessageParticipant',
        Parameters: { Text: text },
        Transitions: { NextAction: 'bye' },
      },
      { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });

/** Odd whitespace, CRLF, tabs, escapes, non-ASCII and emoji, numbers as written: Describe must give it back. */
export const ODD = `\n  {\t"Version" :"2019-10-30" ,\r\n "StartAction":"挨拶",\n\n  "Metadata":{"name":"Ünïcødé flow 🎧","n":1.50,"e":1E2},
  "Actions":[ {"Identifier":"挨拶","Type":"MessageParticipant","Parameters":{"Text":"お電話ありがとうございます\\u3002 \\"quoted\\" é"},
     "Transitions":{"NextAction":"終了" } } ,{"Identifier":"終了","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}   \r\n\t`;

export const sha256 = (s: string) => createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex');
