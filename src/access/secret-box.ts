/**
 * Sealing secrets at rest (DESIGN.md "Security model"): AES-256-GCM with a master key the composition root gives
 * (src/app/master-key.ts), a fresh 96-bit nonce from the injected Entropy per seal, and a context (the access key
 * id) bound as additional authenticated data, so a sealed secret cannot be moved to another row. A sealed value
 * reads `v1.<nonce>.<ciphertext>.<tag>` (base64url). Nothing here puts a secret or the key into a message.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { systemEntropy, type Entropy } from '../core/index.js';

export interface SecretBox {
  /** Encrypts `plaintext`, bound to `context`. */
  seal(plaintext: string, context: string): string;
  /** The plaintext of a sealed value; throws SecretBoxError when the key, the context or the data differ. */
  open(sealed: string, context: string): string;
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

export function aesGcmSecretBox(masterKey: Uint8Array, entropy: Entropy = systemEntropy): SecretBox {
  if (masterKey.length !== KEY_BYTES)
    throw new SecretBoxError(`the master key must be ${KEY_BYTES} bytes, not ${masterKey.length}`);
  // A copy: the caller's buffer may be wiped or reused.
  const key = Buffer.from(masterKey);
  return {
    seal(plaintext, context) {
      const nonce = entropy.bytes(NONCE_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, b64(nonce), b64(data), b64(cipher.getAuthTag())].join('.');
    },
    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION)
        throw new SecretBoxError('not a sealed secret of a known version');
      const [nonce, data, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [
        Buffer,
        Buffer,
        Buffer,
      ];
      if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES)
        throw new SecretBoxError('a sealed secret is malformed');
      try {
        const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'a sealed secret cannot be opened: the master key is not the one it was sealed with, or the data was altered',
        );
      }
    },
  };
}
