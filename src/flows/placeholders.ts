/**
 * Example flows name the resources they use by placeholder ARNs that end in the resource's name, e.g.
 * `arn:aws:connect:us-east-1:000000000000:instance/example/queue/CallbackQueue`. Binding a flow to an instance
 * replaces each with the ARN of the instance's resource of that kind and name.
 */
export const PLACEHOLDER_ARN =
  /arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/example\/(queue|contact-flow|flow-module|task-template|prompt|hours-of-operation|quick-connect|agent|routing-profile)\/([^"\\]+)/g;

export interface Placeholder {
  segment: string;
  name: string;
}

/** Every placeholder the content names, once each. */
export function placeholdersOf(content: string): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  for (const m of content.matchAll(PLACEHOLDER_ARN)) {
    const [, segment = '', name = ''] = m;
    seen.set(`${segment}/${name}`, { segment, name });
  }
  return [...seen.values()];
}

/** Replaces the placeholders `resolve` knows; those it does not are returned as missing (content unchanged there). */
export function bindPlaceholders(
  content: string,
  resolve: (p: Placeholder) => string | undefined,
): { content: string; missing: Placeholder[] } {
  const missing: Placeholder[] = [];
  const bound = content.replace(PLACEHOLDER_ARN, (whole, segment: string, name: string) => {
    const arn = resolve({ segment, name });
    if (arn === undefined) {
      if (!missing.some((p) => p.segment === segment && p.name === name)) missing.push({ segment, name });
      return whole;
    }
    return arn;
  });
  return { content: bound, missing };
}
