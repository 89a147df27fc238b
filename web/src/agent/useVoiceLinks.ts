/**
 * The audio of the agent's calls: one AudioLink per VOICE contact connected to the agent, started (as the
 * answerer) on the caller's first signal, closed when the call leaves CONNECTED. Remote streams and link states
 * are kept by contact id; mute and hold silence the microphone.
 */
import { useEffect, useRef, useState } from 'react';
import type { Contact } from '../api/types.js';
import { AudioLink, type LinkState } from '../rtc.js';
import type { SignalListener } from './useAgentState.js';

export interface VoiceLinks {
  remote: Map<string, MediaStream>;
  states: Map<string, LinkState>;
  muted: Set<string>;
  onHold: Set<string>;
  setMuted: (contactId: string, on: boolean) => void;
  setOnHold: (contactId: string, on: boolean) => void;
}

const toggled = (set: Set<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function useVoiceLinks(
  contacts: Map<string, Contact>,
  send: (message: unknown) => void,
  onSignal: (listener: SignalListener | undefined) => void,
): VoiceLinks {
  const links = useRef(new Map<string, AudioLink>());
  const [muted, setMutedSet] = useState(new Set<string>());
  const [onHold, setOnHoldSet] = useState(new Set<string>());
  const silenced = useRef(new Set<string>());
  silenced.current = new Set([...muted, ...onHold]);
  const [remote, setRemote] = useState(new Map<string, MediaStream>());
  const [states, setStates] = useState(new Map<string, LinkState>());
  const connected = useRef(new Set<string>());
  connected.current = new Set(
    [...contacts.values()].filter((c) => c.Channel === 'VOICE' && c.State === 'CONNECTED').map((c) => c.Id),
  );

  useEffect(() => {
    onSignal((contactId, data) => {
      let link = links.current.get(contactId);
      if (!link) {
        link = new AudioLink(`contact:${contactId}`, {
          send: (signal) => send({ type: 'signal', contactId, data: signal }),
          onRemote: (stream) => setRemote((m) => new Map(m).set(contactId, stream)),
          onState: (state) => setStates((m) => new Map(m).set(contactId, state)),
        });
        link.setMuted(silenced.current.has(contactId));
        links.current.set(contactId, link);
      }
      void link.receive(data);
    });
    return () => onSignal(undefined);
  }, [send, onSignal]);

  // Calls no longer connected lose their audio.
  const ids = [...connected.current].join(',');
  useEffect(() => {
    for (const [id, link] of links.current) {
      if (connected.current.has(id)) continue;
      link.close();
      links.current.delete(id);
      setMutedSet((m) => toggled(m, id, false));
      setOnHoldSet((m) => toggled(m, id, false));
      setRemote((m) => {
        const next = new Map(m);
        next.delete(id);
        return next;
      });
    }
  }, [ids]);

  useEffect(
    () => () => {
      for (const link of links.current.values()) link.close();
      links.current.clear();
    },
    [],
  );

  // The microphone is silent while the call is muted or on hold.
  useEffect(() => {
    for (const [id, link] of links.current) link.setMuted(muted.has(id) || onHold.has(id));
  }, [muted, onHold]);

  return {
    remote,
    states,
    muted,
    onHold,
    setMuted: (contactId, on) => setMutedSet((m) => toggled(m, contactId, on)),
    setOnHold: (contactId, on) => setOnHoldSet((m) => toggled(m, contactId, on)),
  };
}
