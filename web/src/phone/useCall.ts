/**
 * One web-phone call: dial, the call's WebSocket (prompts, states, signalling), keys, hang up, and the audio
 * with the agent once connected (the caller makes the WebRTC offer). Every prompt is kept in the transcript and
 * spoken when the browser can.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { phoneApi, type CallMessage, type CallState, type Dialled } from '../api/phone.js';
import { AudioLink, type LinkState } from '../rtc.js';
import { speak, stopSpeaking } from './speech.js';

export interface Line {
  id: number;
  kind: 'prompt' | 'keys' | 'error';
  text: string;
}

export interface Call {
  state: CallState;
  agent?: string;
  reason?: string;
}

export function useCall(lang: string) {
  const [call, setCall] = useState<Call>();
  const [lines, setLines] = useState<Line[]>([]);
  const [remote, setRemote] = useState<MediaStream>();
  const [link, setLink] = useState<LinkState>();
  const socket = useRef<WebSocket | undefined>(undefined);
  const audio = useRef<AudioLink | undefined>(undefined);
  const seq = useRef(0);
  const langRef = useRef(lang);
  langRef.current = lang;

  const add = useCallback((kind: Line['kind'], text: string) => {
    setLines((prev) => [...prev, { id: ++seq.current, kind, text }]);
  }, []);

  const send = (message: unknown) => {
    const ws = socket.current;
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  const closeAudio = () => {
    audio.current?.close();
    audio.current = undefined;
    setRemote(undefined);
  };

  const startAudio = (callId: string) => {
    if (audio.current) return;
    const l = new AudioLink(`call:${callId}`, {
      send: (data) => send({ type: 'signal', data }),
      onRemote: setRemote,
      onState: setLink,
    });
    audio.current = l;
    void l.start(true);
  };

  const onMessage = (dialled: Dialled, m: CallMessage) => {
    switch (m.type) {
      case 'prompt':
        add('prompt', m.text);
        speak(m.text, m.voice, langRef.current);
        break;
      case 'state':
        setCall({
          state: m.state,
          ...(m.agent !== undefined && { agent: m.agent }),
          ...(m.reason !== undefined && { reason: m.reason }),
        });
        if (m.state === 'connected') startAudio(dialled.CallId);
        if (m.state === 'ended') closeAudio();
        break;
      case 'signal':
        void audio.current?.receive(m.data);
        break;
      case 'error':
        add('error', m.message);
        break;
    }
  };

  const open = (dialled: Dialled) => {
    const ws = new WebSocket(phoneApi.socketUrl(dialled));
    socket.current = ws;
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      try {
        onMessage(dialled, JSON.parse(event.data) as CallMessage);
      } catch {
        // A frame that is not JSON is not ours.
      }
    };
    ws.onclose = (event) => {
      if (socket.current !== ws) return;
      socket.current = undefined;
      // The server closes with 1000 after `ended`; anything else drops the line from here.
      if (event.code !== 1000) {
        setCall((c) => (c && c.state !== 'ended' ? { state: 'ended', reason: 'NETWORK' } : c));
        closeAudio();
      }
    };
  };

  /** Dials; throws the API's error (shown where the caller pressed Call). */
  const dial = async (to: string, from: string | undefined) => {
    stopSpeaking();
    setLines([]);
    setLink(undefined);
    setCall({ state: 'dialling' });
    try {
      const dialled = await phoneApi.dial(to, from);
      open(dialled);
    } catch (e) {
      setCall(undefined);
      throw e;
    }
  };

  const press = (digits: string) => {
    add('keys', digits);
    send({ type: 'digits', digits });
  };

  const hangUp = () => {
    stopSpeaking();
    send({ type: 'hangup' });
  };

  const setMuted = (muted: boolean) => audio.current?.setMuted(muted);

  useEffect(
    () => () => {
      socket.current?.close(1000);
      audio.current?.close();
      stopSpeaking();
    },
    [],
  );

  return { call, lines, remote, link, dial, press, hangUp, setMuted };
}
