/** Instances and hours of operation through the AWS SDK against a whole Tsunagi (SigV4, permissions). */
import {
  CreateHoursOfOperationCommand,
  CreateInstanceCommand,
  DeleteHoursOfOperationCommand,
  DescribeHoursOfOperationCommand,
  DescribeInstanceCommand,
  ListHoursOfOperationsCommand,
  UpdateHoursOfOperationCommand,
  paginateListHoursOfOperations,
  paginateListInstances,
  type CreateHoursOfOperationCommandInput,
  type InstanceSummary,
} from '@aws-sdk/client-connect';
import { expect, it } from 'vitest';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers('instances-hours', 'instances and hours of operation through the AWS SDK', (server) => {
  const hours = (Name: string, extra: Partial<CreateHoursOfOperationCommandInput> = {}) =>
    new CreateHoursOfOperationCommand({
      InstanceId: server().instanceId,
      Name,
      Description: 'Weekday office hours',
      TimeZone: 'Asia/Tokyo',
      Config: [
        { Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } },
        { Day: 'FRIDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } },
      ],
      Tags: { team: 'callbacks' },
      ...extra,
    });

  it('describes its own instance by id and ARN; creates another and lists both with the paginator', async () => {
    const { client, instanceId } = server();
    const own = await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
    expect(own.Instance).toMatchObject({
      Id: instanceId,
      Arn: `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${instanceId}`,
      InstanceAlias: 'tsunagi',
      InstanceStatus: 'ACTIVE',
      IdentityManagementType: 'CONNECT_MANAGED',
    });
    expect(own.Instance?.CreatedTime).toBeInstanceOf(Date);
    expect(own.$metadata.requestId).toMatch(UUID);
    const byArn = await client.send(new DescribeInstanceCommand({ InstanceId: own.Instance?.Arn }));
    expect(byArn.Instance?.Id).toBe(instanceId);

    const created = await client.send(
      new CreateInstanceCommand({
        InstanceAlias: 'second-center',
        IdentityManagementType: 'CONNECT_MANAGED',
        InboundCallsEnabled: true,
        OutboundCallsEnabled: false,
      }),
    );
    expect(created.Id).toMatch(UUID);
    expect(created.Arn).toBe(`arn:aws:connect:${REGION}:${ACCOUNT}:instance/${created.Id}`);

    const listed: InstanceSummary[] = [];
    const pages: number[] = [];
    for await (const page of paginateListInstances({ client, pageSize: 1 }, {})) {
      pages.push(page.InstanceSummaryList?.length ?? 0);
      listed.push(...(page.InstanceSummaryList ?? []));
    }
    expect(pages).toEqual([1, 1]);
    expect(listed.map((i) => i.InstanceAlias).sort()).toEqual(['second-center', 'tsunagi']);
    const second = listed.find((i) => i.Id === created.Id);
    expect(second).toMatchObject({
      Arn: created.Arn,
      InboundCallsEnabled: true,
      OutboundCallsEnabled: false,
    });
    expect(second?.CreatedTime).toBeInstanceOf(Date);

    // The administrator's key belongs to the default instance: another instance is out of its reach.
    const other = await failure(
      client.send(new DescribeInstanceCommand({ InstanceId: created.Id })),
      'AccessDeniedException',
      403,
    );
    expect(other.message).toContain(created.Id);
    const bad = await failure(
      client.send(
        new CreateInstanceCommand({
          InstanceAlias: 'bad alias!',
          IdentityManagementType: 'CONNECT_MANAGED',
          InboundCallsEnabled: true,
          OutboundCallsEnabled: true,
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(bad.message).toMatch(/InstanceAlias/);
  });

  it('creates hours of operation and describes exactly what was set', async () => {
    const { client, instanceId } = server();
    const name = unique('Office hours');
    const created = await client.send(hours(name));
    expect(created.HoursOfOperationId).toMatch(UUID);
    expect(created.HoursOfOperationArn).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${instanceId}/operating-hours/${created.HoursOfOperationId}`,
    );
    const { HoursOfOperation } = await client.send(
      new DescribeHoursOfOperationCommand({
        InstanceId: instanceId,
        HoursOfOperationId: created.HoursOfOperationId,
      }),
    );
    expect(HoursOfOperation).toEqual({
      HoursOfOperationId: created.HoursOfOperationId,
      HoursOfOperationArn: created.HoursOfOperationArn,
      Name: name,
      Description: 'Weekday office hours',
      TimeZone: 'Asia/Tokyo',
      Config: [
        { Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } },
        { Day: 'FRIDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } },
      ],
      Tags: { team: 'callbacks' },
      LastModifiedTime: new Date(server().clock.now()),
    });
  });

  it('updates, lists (paged) and deletes hours of operation', async () => {
    const { client, instanceId: InstanceId } = server();
    const ids: string[] = [];
    for (let n = 0; n < 3; n++)
      ids.push((await client.send(hours(unique('Paged hours')))).HoursOfOperationId ?? '');
    const HoursOfOperationId = ids[0] ?? '';
    const renamed = unique('Renamed hours');
    const answer = await client.send(
      new UpdateHoursOfOperationCommand({
        InstanceId,
        HoursOfOperationId,
        Name: renamed,
        TimeZone: 'UTC',
        Config: [{ Day: 'SUNDAY', StartTime: { Hours: 10, Minutes: 0 }, EndTime: { Hours: 12, Minutes: 0 } }],
      }),
    );
    expect(answer.$metadata.httpStatusCode).toBe(200);
    const after = await client.send(new DescribeHoursOfOperationCommand({ InstanceId, HoursOfOperationId }));
    expect(after.HoursOfOperation).toMatchObject({
      Name: renamed,
      TimeZone: 'UTC',
      Config: [{ Day: 'SUNDAY', StartTime: { Hours: 10, Minutes: 0 }, EndTime: { Hours: 12, Minutes: 0 } }],
    });

    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListHoursOfOperations({ client, pageSize: 2 }, { InstanceId })) {
      pages++;
      expect(page.HoursOfOperationSummaryList?.length).toBeLessThanOrEqual(2);
      for (const h of page.HoursOfOperationSummaryList ?? []) {
        expect(h.LastModifiedTime).toBeInstanceOf(Date);
        expect(h.Arn).toContain(`/operating-hours/${h.Id}`);
        seen.push(h.Id ?? '');
      }
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);

    await client.send(new DeleteHoursOfOperationCommand({ InstanceId, HoursOfOperationId }));
    const listed = await client.send(new ListHoursOfOperationsCommand({ InstanceId, MaxResults: 100 }));
    expect(listed.HoursOfOperationSummaryList?.map((h) => h.Id)).not.toContain(HoursOfOperationId);
  });

  it('refuses: not found naming the id; invalid parameters naming the field; a duplicate name with 409', async () => {
    const { client, instanceId: InstanceId } = server();
    const missing = await failure(
      client.send(new DescribeHoursOfOperationCommand({ InstanceId, HoursOfOperationId: MISSING })),
      'ResourceNotFoundException',
      404,
    );
    expect(missing.message).toContain(MISSING);
    await failure(
      client.send(new DeleteHoursOfOperationCommand({ InstanceId, HoursOfOperationId: MISSING })),
      'ResourceNotFoundException',
      404,
    );

    const zone = await failure(
      client.send(hours(unique('Bad zone'), { TimeZone: 'Mars/Olympus' })),
      'InvalidParameterException',
      400,
    );
    expect(zone.message).toMatch(/TimeZone/);
    const slice = await failure(
      client.send(
        hours(unique('Bad hour'), {
          Config: [
            { Day: 'MONDAY', StartTime: { Hours: 25, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 0 } },
          ],
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(slice.message).toMatch(/Config\[0\]\.StartTime\.Hours/);
    const paging = await failure(
      client.send(new ListHoursOfOperationsCommand({ InstanceId, NextToken: 'not-a-token' })),
      'InvalidParameterException',
      400,
    );
    expect(paging.message).toMatch(/NextToken/);

    const name = unique('Twice');
    await client.send(hours(name));
    const dup = await failure(client.send(hours(name)), 'DuplicateResourceException', 409);
    expect(dup.message).toContain(name);
  });
});
