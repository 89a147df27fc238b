/** Small facts and guards about values that several pieces check the same way. */

/** A plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An E.164 phone number: `+`, a country code and at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/** Contact attribute keys: letters, digits, `-` and `_`. */
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;

/** Connect's limit on all of a contact's attributes together, in UTF-8 bytes. */
export const MAX_ATTRIBUTE_BYTES = 32_768;

/** The UTF-8 size of a contact's attributes, keys and values together. */
export function attributeBytes(attributes: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(attributes)) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}
