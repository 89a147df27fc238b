/**
 * A routing profile's channels (MediaConcurrencies): per channel whether it is handled, how many contacts at a
 * time (voice: always one) and its cross-channel behaviour (Connect's CrossChannelBehavior.BehaviorType).
 */
import { ROUTING_CHANNELS, type BehaviorType, type RoutingChannel } from '../../api/console-routing.js';
import { useRoutingT } from './messages.js';
import type { ChannelDraft, ConcurrencyDraft } from './profile-form.js';

const BEHAVIORS: readonly BehaviorType[] = ['ROUTE_CURRENT_CHANNEL_ONLY', 'ROUTE_ANY_CHANNEL'];

interface Props {
  value: ConcurrencyDraft;
  onChange: (next: ConcurrencyDraft) => void;
}

export function ConcurrencyFields({ value, onChange }: Props) {
  const tr = useRoutingT();
  const set = (channel: RoutingChannel, changes: Partial<ChannelDraft>) =>
    onChange({ ...value, [channel]: { ...value[channel], ...changes } });

  return (
    <fieldset>
      <legend>{tr('rp.concurrency')}</legend>
      <p className="help">{tr('rp.crossHelp')}</p>
      <table className="table routing-grid" data-testid="concurrency">
        <thead>
          <tr>
            <th scope="col">{tr('rp.channel')}</th>
            <th scope="col">{tr('rp.handles')}</th>
            <th scope="col">{tr('rp.contactsAtATime')}</th>
            <th scope="col">{tr('rp.crossChannel')}</th>
          </tr>
        </thead>
        <tbody>
          {ROUTING_CHANNELS.map((channel) => {
            const row = value[channel];
            const name = tr(`channel.${channel}`);
            return (
              <tr key={channel}>
                <th scope="row">{name}</th>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={tr('rp.handle', { channel: name })}
                    checked={row.handled}
                    onChange={(e) => set(channel, { handled: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={channel === 'VOICE' ? 1 : 10}
                    step={1}
                    aria-label={tr('rp.concurrencyOf', { channel: name })}
                    value={channel === 'VOICE' ? '1' : row.concurrency}
                    disabled={!row.handled || channel === 'VOICE'}
                    onChange={(e) => set(channel, { concurrency: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={tr('rp.crossOf', { channel: name })}
                    value={row.behavior}
                    disabled={!row.handled}
                    onChange={(e) =>
                      set(channel, {
                        behavior:
                          e.target.value === 'ROUTE_ANY_CHANNEL'
                            ? 'ROUTE_ANY_CHANNEL'
                            : 'ROUTE_CURRENT_CHANNEL_ONLY',
                      })
                    }
                  >
                    {BEHAVIORS.map((b) => (
                      <option key={b} value={b}>
                        {tr(`rp.${b}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
