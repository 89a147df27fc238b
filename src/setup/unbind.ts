/**
 * The reverse of binding a flow to an instance (src/flows/bind-instance.ts): the ARNs of the instance's own
 * resources in a flow's content are replaced by placeholder ARNs naming the resource by kind and name
 * (`arn:aws:connect:us-east-1:000000000000:instance/example/queue/CallbackQueue`), so that the flow binds to
 * whatever instance it is imported into.
 */

/** The placeholder segment for each ARN segment Connect uses. */
const PLACEHOLDER_SEGMENT: Readonly<Record<string, string>> = {
  queue: 'queue',
  'contact-flow': 'contact-flow',
  'flow-module': 'flow-module',
  'task-template': 'task-template',
  'operating-hours': 'hours-of-operation',
  'transfer-destination': 'quick-connect',
  agent: 'agent',
  'routing-profile': 'routing-profile',
};

const INSTANCE_ARN =
  /arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/([A-Za-z0-9-]+)\/(queue|contact-flow|flow-module|task-template|operating-hours|transfer-destination|agent|routing-profile)\/([A-Za-z0-9-]+)/g;

export const PLACEHOLDER_PREFIX = 'arn:aws:connect:us-east-1:000000000000:instance/example';

/** A name a placeholder can carry: the placeholder pattern ends a name at a quote or a backslash. */
const placeable = (name: string) => !/["\\]/.test(name);

/**
 * `nameOf(segment, id)` names the instance's resource of that ARN segment and id, if it has one. ARNs of other
 * instances, of resources the instance no longer has, and of names no placeholder can carry stay as they are.
 */
export function unbindFromInstance(
  content: string,
  instanceId: string,
  nameOf: (segment: string, id: string) => string | undefined,
): { content: string; unnamed: string[] } {
  const unnamed: string[] = [];
  const out = content.replace(INSTANCE_ARN, (whole, instance: string, segment: string, id: string) => {
    if (instance !== instanceId) return whole;
    const name = nameOf(segment, id);
    const placeholder = PLACEHOLDER_SEGMENT[segment];
    if (name === undefined || placeholder === undefined || !placeable(name)) {
      if (!unnamed.includes(whole)) unnamed.push(whole);
      return whole;
    }
    return `${PLACEHOLDER_PREFIX}/${placeholder}/${name}`;
  });
  return { content: out, unnamed };
}
