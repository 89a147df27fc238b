import type { Contact } from '../api/types.js';

/** How a contact is named in the workspace: its name, else the caller's number, else `untitled`. */
export function displayName(contact: Contact | undefined, untitled: string): string {
  return contact?.Name?.trim() || contact?.CustomerEndpoint?.Address || untitled;
}
