/** A datetime-local input's value (the browser's time zone) and epoch ms, both ways. */
export function localInputOfMs(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Epoch ms of a datetime-local value, or undefined when it is empty or not a time. */
export function msOfLocalInput(value: string): number | undefined {
  if (value === '') return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
