/** A telephone keypad: 1-9, *, 0, #. Keys typed on the keyboard press the same buttons (when `keyboard`). */
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function Keypad({
  onKey,
  disabled,
  keyboard,
}: {
  onKey: (key: string) => void;
  disabled?: boolean;
  keyboard?: boolean;
}) {
  const { t } = useI18n();
  useEffect(() => {
    if (!keyboard || disabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (KEYS.includes(e.key)) {
        e.preventDefault();
        onKey(e.key);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [keyboard, disabled, onKey]);
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      {KEYS.map((k) => (
        <button key={k} type="button" disabled={disabled} onClick={() => onKey(k)}>
          {k}
        </button>
      ))}
    </div>
  );
}
