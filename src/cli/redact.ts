/** Hides the password of a database URL before it is printed. */
export function redactUrl(database: string): string {
  return database.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
