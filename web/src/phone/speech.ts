/**
 * Speaks the flow's prompts with the browser's speech synthesis, when it has one. The flow's voice hint (an
 * Amazon Polly name) picks the language; without a hint, the page's language.
 */

const POLLY_LANGS: Record<string, string> = {
  mizuki: 'ja-JP',
  takumi: 'ja-JP',
  kazuha: 'ja-JP',
  tomoko: 'ja-JP',
  joanna: 'en-US',
  matthew: 'en-US',
  ivy: 'en-US',
  kendra: 'en-US',
  kimberly: 'en-US',
  salli: 'en-US',
  joey: 'en-US',
  justin: 'en-US',
  kevin: 'en-US',
  ruth: 'en-US',
  stephen: 'en-US',
  amy: 'en-GB',
  brian: 'en-GB',
  emma: 'en-GB',
  arthur: 'en-GB',
};

export function langOfVoice(voice: string | undefined, fallback: string): string {
  return (voice && POLLY_LANGS[voice.toLowerCase()]) || fallback;
}

export function canSpeak(): boolean {
  return typeof window.speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function';
}

export function speak(text: string, voice: string | undefined, fallbackLang: string): void {
  if (!canSpeak()) return;
  try {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = langOfVoice(voice, fallbackLang);
    const match = window.speechSynthesis.getVoices().find((v) => v.lang === utterance.lang);
    if (match) utterance.voice = match;
    window.speechSynthesis.speak(utterance);
  } catch {
    // Speech is a courtesy: the transcript shows every prompt.
  }
}

export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}
