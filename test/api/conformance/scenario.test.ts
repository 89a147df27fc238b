/**
 * The scenario's whole configuration created through the AWS SDK (issue 5, first "Done when"), then proved to
 * work through the SDK too: a task started on F3 with the CallbackQueue attribute waits in CallbackQueue; agent2
 * going Available is offered it; contact search finds it (R1); a scheduled task is rescheduled before delivery and
 * refused after it (R3, R5).
 */
import {
  DescribeContactCommand,
  DescribeContactFlowCommand,
  DescribePhoneNumberCommand,
  DescribeRoutingProfileCommand,
  DescribeUserCommand,
  GetTaskTemplateCommand,
  ListRoutingProfileQueuesCommand,
  PutUserStatusCommand,
  SearchContactsCommand,
  StartTaskContactCommand,
  UpdateContactScheduleCommand,
  paginateSearchContacts,
  type ContactSearchSummary,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { placeholdersOf } from '../../../src/flows/placeholders.js';
import { CALLBACK_DESCRIPTION } from '../../tasks/callback-template.js';
import { HOUR, describeServers, failure } from './harness.js';
import { NUMBER, setUpScenarioViaSdk, type SdkScenario } from './scenario-sdk.js';

describeServers('scenario', 'the callback scenario configured and run through the AWS SDK', (server) => {
  let s: SdkScenario;
  beforeAll(async () => {
    s = await setUpScenarioViaSdk(server().client, server().instanceId);
  });

  it('S1–S3, T3, F1–F4: every piece is there as created, flows bound to this instance', async () => {
    const { client, instanceId: InstanceId } = server();
    const { RoutingProfile } = await client.send(
      new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: s.profile.RoutingProfileId }),
    );
    expect(RoutingProfile).toMatchObject({
      Name: 'Callback agents',
      RoutingProfileArn: s.profile.RoutingProfileArn,
      DefaultOutboundQueueId: s.basicQueue.QueueId,
      MediaConcurrencies: expect.arrayContaining([
        { Channel: 'TASK', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
      ]) as unknown,
    });
    const queues = await client.send(
      new ListRoutingProfileQueuesCommand({ InstanceId, RoutingProfileId: s.profile.RoutingProfileId }),
    );
    expect(
      (queues.RoutingProfileQueueConfigSummaryList ?? []).map((q) => [q.QueueName, q.Channel]).sort(),
    ).toEqual([
      ['BasicQueue', 'VOICE'],
      ['CallbackQueue', 'TASK'],
    ]);

    for (const f of [s.flows.f1, s.flows.f2, s.flows.f3, s.flows.f4]) {
      const { ContactFlow } = await client.send(
        new DescribeContactFlowCommand({ InstanceId, ContactFlowId: f.Id }),
      );
      expect(ContactFlow?.Arn).toBe(f.Arn);
      expect(placeholdersOf(ContactFlow?.Content ?? '')).toEqual([]);
      expect(ContactFlow?.Content).not.toContain('instance/example/');
    }
    const { ContactFlow: f2 } = await client.send(
      new DescribeContactFlowCommand({ InstanceId, ContactFlowId: s.flows.f2.Id }),
    );
    expect(f2?.Content).toContain(s.template.Arn);
    expect(f2?.Content).toContain(s.flows.f3.Arn);

    const template = await client.send(
      new GetTaskTemplateCommand({ InstanceId, TaskTemplateId: s.template.Id }),
    );
    expect(template).toMatchObject({
      Name: 'Callback request',
      ContactFlowId: s.flows.f3.Id,
      Defaults: { DefaultFieldValues: [{ Id: { Name: 'Description' }, DefaultValue: CALLBACK_DESCRIPTION }] },
    });

    const { User } = await client.send(new DescribeUserCommand({ InstanceId, UserId: s.agent2.Id }));
    expect(User).toMatchObject({
      Username: 'agent2',
      RoutingProfileId: s.taskProfile.RoutingProfileId,
      SecurityProfileIds: [s.securityProfiles.agent],
    });
    const { ClaimedPhoneNumberSummary } = await client.send(
      new DescribePhoneNumberCommand({ PhoneNumberId: s.phoneNumberId }),
    );
    expect(ClaimedPhoneNumberSummary).toMatchObject({ PhoneNumber: NUMBER, PhoneNumberCountryCode: 'JP' });
    // The API has no read of a number's flow: the server's own record shows F1 bound.
    const bound = await server().tsunagi.services.phoneNumbers.describe(s.phoneNumberId);
    expect(bound.ContactFlowId).toBe(s.flows.f1.Id);
  });

  it('a task on F3 with the CallbackQueue attribute waits in CallbackQueue, is offered to agent2 once Available, and is found by search', async () => {
    const { client, instanceId: InstanceId } = server();
    const started = await client.send(
      new StartTaskContactCommand({
        InstanceId,
        ContactFlowId: s.flows.f3.Id,
        Name: 'Call back the customer',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
        References: { PhoneNumber: { Type: 'STRING', Value: '+819012345678' } },
      }),
    );
    const ContactId = started.ContactId ?? '';
    await server().idle();
    const queued = (await client.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact;
    expect(queued).toMatchObject({
      Id: ContactId,
      Channel: 'TASK',
      InitiationMethod: 'API',
      Name: 'Call back the customer',
      QueueInfo: { Id: s.callbackQueue.QueueId },
    });
    expect(queued?.QueueInfo?.EnqueueTimestamp).toBeInstanceOf(Date);
    expect(queued?.InitiationTimestamp).toEqual(new Date(server().clock.now()));
    expect(queued?.AgentInfo).toBeUndefined();

    await client.send(
      new PutUserStatusCommand({ InstanceId, UserId: s.agent2.Id, AgentStatusId: s.available }),
    );
    await server().idle();
    const offered = (await client.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact;
    expect(offered?.AgentInfo?.Id).toBe(s.agent2.Id);

    const now = server().clock.now();
    const found = await client.send(
      new SearchContactsCommand({
        InstanceId,
        TimeRange: {
          Type: 'INITIATION_TIMESTAMP',
          StartTime: new Date(now - HOUR),
          EndTime: new Date(now + 1000),
        },
        SearchCriteria: { Channels: ['TASK'], QueueIds: [s.callbackQueue.QueueId] },
      }),
    );
    expect(found.TotalCount).toBeGreaterThanOrEqual(1);
    const summary = found.Contacts?.find((c) => c.Id === ContactId);
    expect(summary).toMatchObject({
      Channel: 'TASK',
      InitiationMethod: 'API',
      QueueInfo: { Id: s.callbackQueue.QueueId },
      AgentInfo: { Id: s.agent2.Id },
    });
    expect(summary?.InitiationTimestamp).toBeInstanceOf(Date);
  });

  it('R1, R3, R5: a scheduled task is found by search, rescheduled while it waits, and refused a new schedule once delivered', async () => {
    const { client, instanceId: InstanceId } = server();
    const task = (Name: string, ScheduledTime?: Date) =>
      client.send(
        new StartTaskContactCommand({
          InstanceId,
          ContactFlowId: s.flows.f3.Id,
          Name,
          Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
          ...(ScheduledTime && { ScheduledTime }),
        }),
      );
    const at = new Date(server().clock.now() + 2 * HOUR);
    const ContactId = (await task('Scheduled callback', at)).ContactId ?? '';
    // Two more scheduled tasks, so the search pages.
    await task('Scheduled callback', at);
    await task('Scheduled callback', at);
    await server().idle();
    const scheduled = (await client.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact;
    expect(scheduled?.ScheduledTimestamp).toEqual(at);
    expect(scheduled?.QueueInfo).toBeUndefined();

    const now = server().clock.now();
    const pages: ContactSearchSummary[][] = [];
    for await (const page of paginateSearchContacts(
      { client, pageSize: 2 },
      {
        InstanceId,
        TimeRange: {
          Type: 'SCHEDULED_TIMESTAMP',
          StartTime: new Date(now),
          EndTime: new Date(now + 3 * HOUR),
        },
        SearchCriteria: { Channels: ['TASK'] },
      },
    ))
      pages.push(page.Contacts ?? []);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().map((c) => c.Id)).toContain(ContactId);
    expect(pages.flat().every((c) => c.ScheduledTimestamp?.getTime() === at.getTime())).toBe(true);

    // P2, P3: an agent's key may neither reschedule nor search; the supervisor's may.
    const keyOf = async (UserId: string) =>
      server().clientFor(await server().tsunagi.accessKeys.create(InstanceId, { UserId }));
    const agent = await keyOf(s.agent1.Id);
    const supervisor = await keyOf(s.supervisor.Id);
    const moved = new Date(at.getTime() + HOUR);
    const p2 = await failure(
      agent.send(new UpdateContactScheduleCommand({ InstanceId, ContactId, ScheduledTime: moved })),
      'AccessDeniedException',
      403,
    );
    expect(p2.message).toContain('UpdateContactSchedule.Enabled');
    const p3 = await failure(
      agent.send(
        new SearchContactsCommand({
          InstanceId,
          TimeRange: { Type: 'SCHEDULED_TIMESTAMP', StartTime: new Date(now), EndTime: moved },
        }),
      ),
      'AccessDeniedException',
      403,
    );
    expect(p3.message).toContain('ContactSearch.View');
    const answer = await supervisor.send(
      new UpdateContactScheduleCommand({ InstanceId, ContactId, ScheduledTime: moved }),
    );
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(
      (await client.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact?.ScheduledTimestamp,
    ).toEqual(moved);

    await server().advance(2 * HOUR + 1000);
    expect(
      (await client.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact?.QueueInfo,
    ).toBeUndefined();
    await server().advance(HOUR);
    const delivered = (await client.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact;
    expect(delivered?.QueueInfo?.Id).toBe(s.callbackQueue.QueueId);

    const refused = await failure(
      client.send(
        new UpdateContactScheduleCommand({
          InstanceId,
          ContactId,
          ScheduledTime: new Date(server().clock.now() + HOUR),
        }),
      ),
      'InvalidRequestException',
      400,
    );
    expect(refused.message).toMatch(/deliver|schedul/i);

    const missing = await failure(
      client.send(
        new UpdateContactScheduleCommand({
          InstanceId,
          ContactId: '00000000-0000-4000-8000-000000000000',
          ScheduledTime: new Date(server().clock.now() + HOUR),
        }),
      ),
      'ResourceNotFoundException',
      404,
    );
    expect(missing.message).toContain('00000000-0000-4000-8000-000000000000');
  });
});
