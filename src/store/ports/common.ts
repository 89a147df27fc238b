/** What every list query of a repository takes. */
export interface Page {
  offset: number;
  limit: number;
}

export type Tags = Record<string, string>;
