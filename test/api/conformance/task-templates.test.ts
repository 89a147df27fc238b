/**
 * Task templates (rules T2–T7) through the AWS SDK against a whole Tsunagi: the whole lifecycle, the
 * PropertyValidationException that names the field (T5), and ClientToken idempotency of CreateTaskTemplate.
 */
import {
  CreateContactFlowCommand,
  CreateTaskTemplateCommand,
  DeleteTaskTemplateCommand,
  GetTaskTemplateCommand,
  ListTaskTemplatesCommand,
  UpdateTaskTemplateCommand,
  paginateListTaskTemplates,
  type TaskTemplateMetadata,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { flowJson } from '../../support/flows.js';
import { CALLBACK_DESCRIPTION, callbackTemplateRequest } from '../../tasks/callback-template.js';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers('task-templates', 'task templates through the AWS SDK', (server) => {
  let flowId = '';
  beforeAll(async () => {
    const f = await server().client.send(
      new CreateContactFlowCommand({
        InstanceId: server().instanceId,
        Name: 'Task flow',
        Type: 'CONTACT_FLOW',
        Content: flowJson('End', { End: { Type: 'DisconnectParticipant' } }),
      }),
    );
    flowId = f.ContactFlowId ?? '';
  });
  const template = (Name: string, ClientToken?: string) =>
    server().client.send(
      new CreateTaskTemplateCommand({
        InstanceId: server().instanceId,
        ...callbackTemplateRequest(flowId),
        Name,
        ...(ClientToken !== undefined && { ClientToken }),
      }),
    );
  const listAll = async () => {
    const all: TaskTemplateMetadata[] = [];
    for await (const page of paginateListTaskTemplates(
      { client: server().client },
      { InstanceId: server().instanceId },
    ))
      all.push(...(page.TaskTemplates ?? []));
    return all;
  };

  it('T3, T7: creates the callback template and gets back exactly what was set', async () => {
    const { client, instanceId: InstanceId } = server();
    const name = unique('Callback request');
    const created = await template(name);
    expect(created.Id).toMatch(UUID);
    expect(created.Arn).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/task-template/${created.Id}`,
    );
    const got = await client.send(new GetTaskTemplateCommand({ InstanceId, TaskTemplateId: created.Id }));
    expect(got).toMatchObject({
      InstanceId,
      Id: created.Id,
      Arn: created.Arn,
      Name: name,
      Description: 'A caller waiting in queue asked for a callback',
      ContactFlowId: flowId,
      Status: 'ACTIVE',
      Fields: [
        { Id: { Name: 'Task name' }, Type: 'NAME' },
        { Id: { Name: 'Description' }, Type: 'DESCRIPTION' },
        { Id: { Name: 'PhoneNumber' }, Type: 'TEXT', Description: "The caller's phone number" },
      ],
      Constraints: {
        RequiredFields: [{ Id: { Name: 'Task name' } }],
        ReadOnlyFields: [{ Id: { Name: 'Description' } }],
      },
      Defaults: { DefaultFieldValues: [{ Id: { Name: 'Description' }, DefaultValue: CALLBACK_DESCRIPTION }] },
    });
    expect(got.CreatedTime).toBeInstanceOf(Date);
    expect(got.LastModifiedTime).toBeInstanceOf(Date);
  });

  it('T2: updates a template (the answer is the template as it now is), lists templates paged and by status, and deletes one', async () => {
    const { client, instanceId: InstanceId } = server();
    const TaskTemplateId = (await template(unique('Editable'))).Id ?? '';
    const updated = await client.send(
      new UpdateTaskTemplateCommand({
        InstanceId,
        TaskTemplateId,
        Name: unique('Edited'),
        ContactFlowId: flowId,
        Status: 'INACTIVE',
        Fields: [
          { Id: { Name: 'Task name' }, Type: 'NAME' },
          { Id: { Name: 'PhoneNumber' }, Type: 'TEXT' },
        ],
        Constraints: {
          RequiredFields: [{ Id: { Name: 'Task name' } }],
          ReadOnlyFields: [{ Id: { Name: 'PhoneNumber' } }],
        },
      }),
    );
    expect(updated).toMatchObject({
      InstanceId,
      Id: TaskTemplateId,
      Status: 'INACTIVE',
      Constraints: { ReadOnlyFields: [{ Id: { Name: 'PhoneNumber' } }] },
    });
    expect(updated.Constraints?.RequiredFields).toEqual([{ Id: { Name: 'Task name' } }]);
    expect(updated.Fields).toHaveLength(2);
    expect(updated.LastModifiedTime).toBeInstanceOf(Date);
    const got = await client.send(new GetTaskTemplateCommand({ InstanceId, TaskTemplateId }));
    expect(got.Status).toBe('INACTIVE');

    await template(unique('Listed'));
    const pages: number[] = [];
    for await (const page of paginateListTaskTemplates({ client, pageSize: 1 }, { InstanceId })) {
      pages.push(page.TaskTemplates?.length ?? 0);
      for (const t of page.TaskTemplates ?? []) {
        expect(t.Arn).toContain(`/task-template/${t.Id}`);
        expect(t.CreatedTime).toBeInstanceOf(Date);
      }
    }
    expect(pages.every((n) => n === 1)).toBe(true);
    expect(pages.length).toBe((await listAll()).length);
    const inactive = await client.send(new ListTaskTemplatesCommand({ InstanceId, Status: 'INACTIVE' }));
    expect(inactive.TaskTemplates?.map((t) => t.Id)).toEqual([TaskTemplateId]);

    await client.send(new DeleteTaskTemplateCommand({ InstanceId, TaskTemplateId }));
    const gone = await failure(
      client.send(new GetTaskTemplateCommand({ InstanceId, TaskTemplateId })),
      'ResourceNotFoundException',
      404,
    );
    expect(gone.message).toContain(TaskTemplateId);
  });

  it('a CreateTaskTemplate retried with the same ClientToken returns the first template and creates nothing more', async () => {
    const name = unique('Idempotent');
    const first = await template(name, 'template-token-1');
    const before = (await listAll()).length;
    const again = await template(name, 'template-token-1');
    expect(again.Id).toBe(first.Id);
    expect(again.Arn).toBe(first.Arn);
    expect((await listAll()).length).toBe(before);
    const other = await failure(
      template(unique('Something else'), 'template-token-1'),
      'IdempotencyException',
      409,
    );
    expect(other.message).toContain('template-token-1');
    expect((await listAll()).length).toBe(before);
  });

  it('refuses: not found naming the id; a read-only required field (T5) and a taken name naming the property', async () => {
    const { client, instanceId: InstanceId } = server();
    for (const call of [
      () => client.send(new GetTaskTemplateCommand({ InstanceId, TaskTemplateId: MISSING })),
      () => client.send(new DeleteTaskTemplateCommand({ InstanceId, TaskTemplateId: MISSING })),
    ])
      expect((await failure(call(), 'ResourceNotFoundException', 404)).message).toContain(MISSING);

    const t5 = await failure(
      client.send(
        new CreateTaskTemplateCommand({
          InstanceId,
          Name: unique('Read-only and required'),
          Fields: [{ Id: { Name: 'PhoneNumber' }, Type: 'TEXT' }],
          Constraints: {
            RequiredFields: [{ Id: { Name: 'PhoneNumber' } }],
            ReadOnlyFields: [{ Id: { Name: 'PhoneNumber' } }],
          },
        }),
      ),
      'PropertyValidationException',
      400,
    );
    expect(t5.message).toContain('PhoneNumber');
    expect(JSON.stringify(t5.PropertyList)).toContain('PhoneNumber');

    const type = await failure(
      client.send(
        new CreateTaskTemplateCommand({
          InstanceId,
          Name: unique('Bad type'),
          Fields: [{ Id: { Name: 'When' }, Type: 'CALENDAR' as 'TEXT' }],
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(type.message).toMatch(/^Fields\[0\]\.Type/);

    const name = unique('Twice');
    await template(name);
    const taken = await failure(template(name), 'PropertyValidationException', 400);
    expect(taken.PropertyList).toEqual([
      expect.objectContaining({ PropertyPath: 'Name', Reason: 'RESOURCE_NAME_ALREADY_EXISTS' }),
    ]);
  });
});
