/**
 * The audio between the web phone and the agent's workspace: one RTCPeerConnection per call, with the
 * microphone's track, its signalling (descriptions and ICE candidates) carried by the caller's or the agent's
 * WebSocket as `data`. The caller makes the offer; the agent answers. Signals that arrive before the microphone
 * is ready, or candidates before the remote description, wait their turn.
 */

export type SignalData =
  { description: RTCSessionDescriptionInit } | { candidate: RTCIceCandidateInit | null };

export type LinkState = RTCPeerConnectionState | 'starting' | 'failed-media';

export interface AudioLinkEvents {
  send: (data: SignalData) => void;
  onRemote: (stream: MediaStream) => void;
  onState: (state: LinkState) => void;
}

/** The connection states every link reports, for tests and diagnostics: window.__tsunagiRtc[id]. */
function publish(id: string, state: LinkState): void {
  const w = window as unknown as { __tsunagiRtc?: Record<string, LinkState> };
  w.__tsunagiRtc = { ...w.__tsunagiRtc, [id]: state };
}

function isSignal(data: unknown): data is SignalData {
  return typeof data === 'object' && data !== null && ('description' in data || 'candidate' in data);
}

export function webRtcAvailable(): boolean {
  return typeof RTCPeerConnection === 'function' && !!navigator.mediaDevices?.getUserMedia;
}

export class AudioLink {
  private pc: RTCPeerConnection | undefined;
  private local: MediaStream | undefined;
  private ready: Promise<void> | undefined;
  private pending: RTCIceCandidateInit[] = [];
  private closed = false;
  private muted = false;

  constructor(
    private readonly id: string,
    private readonly events: AudioLinkEvents,
  ) {}

  /** Opens the microphone and the peer connection; the caller (`offer`) then sends its offer. */
  start(offer: boolean): Promise<void> {
    this.ready ??= this.open(offer);
    return this.ready;
  }

  private async open(offer: boolean): Promise<void> {
    this.state('starting');
    if (!webRtcAvailable()) {
      this.state('failed-media');
      return;
    }
    try {
      this.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch {
      this.state('failed-media');
      return;
    }
    if (this.closed) {
      this.stopTracks();
      return;
    }
    const pc = new RTCPeerConnection({ iceServers: [] });
    this.pc = pc;
    for (const track of this.local.getTracks()) {
      track.enabled = !this.muted;
      pc.addTrack(track, this.local);
    }
    pc.onicecandidate = (e) => this.events.send({ candidate: e.candidate ? e.candidate.toJSON() : null });
    pc.ontrack = (e) => {
      const stream = e.streams[0] ?? new MediaStream([e.track]);
      this.events.onRemote(stream);
    };
    pc.onconnectionstatechange = () => this.state(pc.connectionState);
    this.state(pc.connectionState);
    if (offer) {
      await pc.setLocalDescription(await pc.createOffer());
      if (pc.localDescription) this.events.send({ description: pc.localDescription.toJSON() });
    }
  }

  /** A signal from the other side. The agent's link starts (as the answerer) on the first one. */
  async receive(data: unknown): Promise<void> {
    if (!isSignal(data) || this.closed) return;
    await this.start(false);
    const pc = this.pc;
    if (!pc) return;
    if ('description' in data) {
      await pc.setRemoteDescription(data.description);
      for (const c of this.pending.splice(0)) await pc.addIceCandidate(c);
      if (data.description.type === 'offer') {
        await pc.setLocalDescription(await pc.createAnswer());
        if (pc.localDescription) this.events.send({ description: pc.localDescription.toJSON() });
      }
    } else if (data.candidate) {
      if (pc.remoteDescription) await pc.addIceCandidate(data.candidate);
      else this.pending.push(data.candidate);
    }
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    for (const track of this.local?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc?.close();
    this.stopTracks();
    this.state('closed');
  }

  private stopTracks(): void {
    for (const track of this.local?.getTracks() ?? []) track.stop();
  }

  private state(state: LinkState): void {
    publish(this.id, state);
    this.events.onState(state);
  }
}

/** The words for a link state (a key under `call.link.`). */
export function linkKey(
  state: string | undefined,
): 'starting' | 'connecting' | 'connected' | 'failed' | 'media' | 'closed' {
  switch (state) {
    case 'connected':
      return 'connected';
    case 'failed':
    case 'disconnected':
      return 'failed';
    case 'failed-media':
      return 'media';
    case 'closed':
      return 'closed';
    case 'new':
    case 'connecting':
      return 'connecting';
    default:
      return 'starting';
  }
}
