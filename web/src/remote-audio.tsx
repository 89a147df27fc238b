/** Plays the other side's audio (a WebRTC stream); silent while `muted` (a call on hold). */
import { useEffect, useRef } from 'react';

export function RemoteAudio({ stream, muted }: { stream: MediaStream | undefined; muted?: boolean }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream ?? null;
    if (stream) audio.play().catch(() => undefined);
  }, [stream]);
  return <audio ref={ref} autoPlay muted={muted} data-testid="remote-audio" />;
}
