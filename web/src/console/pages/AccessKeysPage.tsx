/**
 * Access keys for the Connect-compatible API: the list (ListAccessKeys — never a secret), a new key for a user
 * (CreateAccessKey; its secret shown once), revoke after a confirmation (RevokeAccessKey), and how to use a key
 * with the AWS SDK.
 */
import { useState } from 'react';
import { peopleApi, type AccessKeySummary, type NewAccessKey } from '../../api/console-people.js';
import { ErrorMessage } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import '../people/people.css';
import { AccessKeyCreateForm } from '../people/AccessKeyCreateForm.js';
import { Confirm } from '../people/Confirm.js';
import { usePeopleT } from '../people/messages.js';
import { NewKeyPanel } from '../people/NewKeyPanel.js';
import { SdkUsage } from '../people/SdkUsage.js';
import { useLoaded } from '../people/use-loaded.js';

/** arn:aws:connect:<region>:<account>:instance/<instance id>/agent/<user id> */
function placeOf(arn: string | undefined) {
  const parts = (arn ?? '').split(':');
  const instance = /instance\/([^/]+)/.exec(arn ?? '')?.[1];
  return { region: parts[3] || 'us-east-1', instanceId: instance ?? '' };
}

export function AccessKeysPage() {
  const { t, dateTime } = useI18n();
  const tp = usePeopleT();
  const keys = useLoaded(peopleApi.accessKeys);
  const users = useLoaded(peopleApi.userSummaries);
  const [created, setCreated] = useState<NewAccessKey>();
  const [revoking, setRevoking] = useState<AccessKeySummary>();
  const [status, setStatus] = useState('');
  const usernames = new Map((users.data ?? []).map((u) => [u.Id, u.Username]));
  const username = (id: string) => usernames.get(id) ?? id;
  const place = placeOf(users.data?.[0]?.Arn);

  return (
    <section aria-labelledby="keys-title">
      <div className="section-head">
        <h2 id="keys-title">{tp('key.title')}</h2>
      </div>
      <p className="help">{tp('key.intro')}</p>
      <ErrorMessage error={keys.error ?? users.error} />
      <p role="status">{status}</p>
      {created && (
        <NewKeyPanel
          created={created}
          username={username(created.UserId)}
          onDone={() => setCreated(undefined)}
        />
      )}
      {users.data && (
        <AccessKeyCreateForm
          users={users.data}
          onCreated={(key) => {
            setStatus('');
            setCreated(key);
            keys.reload();
          }}
        />
      )}
      {keys.data === undefined ? (
        <p>{t('app.loading')}</p>
      ) : keys.data.length === 0 ? (
        <p>{tp('key.none')}</p>
      ) : (
        <table className="table" data-testid="access-keys">
          <thead>
            <tr>
              <th scope="col">{tp('key.id')}</th>
              <th scope="col">{tp('key.user')}</th>
              <th scope="col">{tp('key.description')}</th>
              <th scope="col">{tp('key.status')}</th>
              <th scope="col">{tp('key.created')}</th>
              <th scope="col">{tp('key.lastUsed')}</th>
              <th scope="col">{tp('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.AccessKeyId} data-testid={`key-${k.AccessKeyId}`}>
                <th scope="row">
                  <code>{k.AccessKeyId}</code>
                </th>
                <td>{username(k.UserId)}</td>
                <td className="text-value">{k.Description ?? ''}</td>
                <td>{tp(k.Status === 'ACTIVE' ? 'key.ACTIVE' : 'key.REVOKED')}</td>
                <td>{dateTime(k.CreatedTime)}</td>
                <td>{k.LastUsedTime ? dateTime(k.LastUsedTime) : '—'}</td>
                <td>
                  {k.Status === 'ACTIVE' && (
                    <button
                      type="button"
                      aria-label={tp('key.revokeOf', { id: k.AccessKeyId })}
                      onClick={() => setRevoking(k)}
                    >
                      {tp('key.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SdkUsage
        accessKeyId={created?.AccessKeyId}
        instanceId={created?.InstanceId ?? place.instanceId}
        region={place.region}
      />
      {revoking && (
        <Confirm
          title={tp('key.revokeTitle')}
          question={tp('key.revokeQuestion', { id: revoking.AccessKeyId, name: username(revoking.UserId) })}
          confirmLabel={tp('key.revoke')}
          onCancel={() => setRevoking(undefined)}
          onConfirm={async () => {
            await peopleApi.revokeAccessKey(revoking.AccessKeyId);
            setRevoking(undefined);
            setStatus(tp('key.revoked', { id: revoking.AccessKeyId }));
            keys.reload();
          }}
        />
      )}
    </section>
  );
}
