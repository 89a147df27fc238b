import { describe, expect, it } from 'vitest';
import { ConnectError } from '../../src/core/index.js';
import type { TaskTemplateField, TaskTemplateFieldType } from '../../src/store/ports/index.js';
import { resolveTaskValues, templateProblems } from '../../src/tasks/template-rules.js';
import type { TaskValuesInput } from '../../src/tasks/template-rules.js';
import { CALLBACK_DESCRIPTION, callbackTemplate } from './callback-template.js';

const ref = (Name: string) => ({ Id: { Name } });
const field = (Name: string, Type: TaskTemplateFieldType, extra: Partial<TaskTemplateField> = {}) => ({
  Id: { Name },
  Type,
  ...extra,
});
const base = callbackTemplate();
const constraints = (c: Partial<typeof base.Constraints>) => ({ ...base.Constraints, ...c });

/** The template with one more field and, optionally, its default. */
function withField(f: TaskTemplateField, defaultValue?: string) {
  return callbackTemplate({
    Fields: [...base.Fields, f],
    Defaults: {
      DefaultFieldValues: [
        ...base.Defaults.DefaultFieldValues,
        ...(defaultValue === undefined ? [] : [{ Id: f.Id, DefaultValue: defaultValue }]),
      ],
    },
  });
}

function thrown(f: () => unknown): ConnectError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectError);
    return e as ConnectError;
  }
  throw new Error('expected an error');
}

describe('template rules', () => {
  it('accepts the scenario template (rule T3)', () => {
    expect(templateProblems(callbackTemplate())).toEqual([]);
  });

  it('refuses a read-only field that is still required, naming it (rule T5)', () => {
    const t = callbackTemplate({
      Constraints: constraints({ RequiredFields: [ref('Task name'), ref('Description')] }),
    });
    expect(templateProblems(t)).toEqual([
      {
        PropertyPath: 'Constraints.ReadOnlyFields[0]',
        Reason: 'NOT_SUPPORTED',
        Message: expect.stringMatching(
          /^field 'Description' is read-only and required: a read-only field cannot be required/,
        ) as string,
      },
    ]);
  });

  it('refuses invisible fields that are required or read-only', () => {
    const t = callbackTemplate({
      Constraints: constraints({
        RequiredFields: [ref('Task name'), ref('PhoneNumber')],
        InvisibleFields: [ref('PhoneNumber'), ref('Description')],
      }),
    });
    expect(templateProblems(t)).toEqual([
      expect.objectContaining({
        PropertyPath: 'Constraints.InvisibleFields[0]',
        Reason: 'NOT_SUPPORTED',
        Message: expect.stringMatching(/'PhoneNumber' is invisible and required/) as string,
      }),
      expect.objectContaining({
        PropertyPath: 'Constraints.InvisibleFields[1]',
        Reason: 'NOT_SUPPORTED',
        Message: expect.stringMatching(/'Description' is both read-only and invisible/) as string,
      }),
    ]);
  });

  it('needs exactly one NAME field, and it must be required', () => {
    const none = callbackTemplate({
      Fields: base.Fields.filter((f) => f.Type !== 'NAME'),
      Constraints: constraints({ RequiredFields: [] }),
    });
    expect(templateProblems(none)).toEqual([
      { PropertyPath: 'Fields', Reason: 'REQUIRED_PROPERTY_MISSING', Message: expect.any(String) as string },
    ]);
    const two = callbackTemplate({ Fields: [...base.Fields, field('Other name', 'NAME')] });
    expect(templateProblems(two)).toEqual([
      expect.objectContaining({
        PropertyPath: 'Fields[3].Type',
        Reason: 'UNIQUE_CONSTRAINT_VIOLATED',
        Message: expect.stringMatching(/'Other name' is a second NAME field/) as string,
      }),
    ]);
    const optional = callbackTemplate({ Constraints: constraints({ RequiredFields: [] }) });
    expect(templateProblems(optional)).toEqual([
      expect.objectContaining({
        PropertyPath: 'Constraints.RequiredFields',
        Reason: 'REQUIRED_PROPERTY_MISSING',
        Message: expect.stringMatching(/NAME field 'Task name' must be listed/) as string,
      }),
    ]);
  });

  it('needs unique field names and constraints/defaults that name existing fields', () => {
    const t = callbackTemplate({
      Fields: [...base.Fields, field('PhoneNumber', 'NUMBER')],
      Constraints: constraints({
        RequiredFields: [ref('Task name'), ref('Phone')],
        ReadOnlyFields: [ref('Description'), ref('Description')],
      }),
      Defaults: {
        DefaultFieldValues: [
          { Id: { Name: 'Descr' }, DefaultValue: 'x' },
          { Id: { Name: 'PhoneNumber' }, DefaultValue: '1' },
          { Id: { Name: 'PhoneNumber' }, DefaultValue: '2' },
        ],
      },
    });
    expect(templateProblems(t).map((p) => [p.PropertyPath, p.Reason, p.Message])).toEqual([
      ['Fields[3].Id.Name', 'UNIQUE_CONSTRAINT_VIOLATED', "field name 'PhoneNumber' is used by two fields"],
      [
        'Constraints.RequiredFields[1].Id.Name',
        'REFERENCED_RESOURCE_NOT_FOUND',
        "'Phone' is not a field of this template",
      ],
      ['Constraints.ReadOnlyFields[1]', 'UNIQUE_CONSTRAINT_VIOLATED', "field 'Description' is listed twice"],
      [
        'Defaults.DefaultFieldValues[0].Id.Name',
        'REFERENCED_RESOURCE_NOT_FOUND',
        "'Descr' is not a field of this template",
      ],
      ['Defaults.DefaultFieldValues[2]', 'UNIQUE_CONSTRAINT_VIOLATED', "field 'PhoneNumber' is listed twice"],
    ]);
  });

  it('allows at most one field of each task-property type', () => {
    const t = callbackTemplate({ Fields: [...base.Fields, field('Summary', 'DESCRIPTION')] });
    expect(templateProblems(t)).toEqual([
      expect.objectContaining({ PropertyPath: 'Fields[3].Type', Reason: 'UNIQUE_CONSTRAINT_VIOLATED' }),
    ]);
  });

  it('checks single-select options', () => {
    const t = callbackTemplate({
      Fields: [
        ...base.Fields,
        field('Colour', 'SINGLE_SELECT'),
        field('Size', 'SINGLE_SELECT', { SingleSelectOptions: ['S', 'M', 'S'] }),
        field('Notes', 'TEXT', { SingleSelectOptions: ['a'] }),
      ],
    });
    expect(templateProblems(t).map((p) => [p.PropertyPath, p.Reason])).toEqual([
      ['Fields[3].SingleSelectOptions', 'REQUIRED_PROPERTY_MISSING'],
      ['Fields[4].SingleSelectOptions[2]', 'UNIQUE_CONSTRAINT_VIOLATED'],
      ['Fields[5].SingleSelectOptions', 'NOT_SUPPORTED'],
    ]);
  });

  const defaults: [TaskTemplateFieldType, string[], string[], Partial<TaskTemplateField>?][] = [
    ['NUMBER', ['42', '-3.5', '1e3'], ['forty-two', '4 2']],
    ['BOOLEAN', ['true', 'false'], ['yes', 'TRUE']],
    [
      'DATE_TIME',
      ['2025-04-01T10:00:00Z', '2025-04-01T19:00+09:00', '2024-02-29T00:00:00.123Z'],
      ['2025-02-30T10:00:00Z', '2025-04-01', 'tomorrow', '2025-04-01T24:00:00Z'],
    ],
    ['EMAIL', ['callbacks@example.jp'], ['callbacks', 'a@b', 'a b@example.jp']],
    ['URL', ['https://example.jp/callbacks', 'http://localhost:8080'], ['ftp://example.jp', 'example.jp']],
    ['SINGLE_SELECT', ['Morning'], ['Night', 'morning'], { SingleSelectOptions: ['Morning', 'Evening'] }],
    ['EXPIRY_DURATION', ['1', '10080', '129600'], ['0', '129601', '1.5', '-5']],
    ['SELF_ASSIGN', ['true'], ['me']],
  ];
  for (const [type, good, bad, extra] of defaults)
    it(`checks default values of ${type} fields`, () => {
      for (const value of good)
        expect(templateProblems(withField(field('F', type, extra), value)), value).toEqual([]);
      for (const value of bad)
        expect(templateProblems(withField(field('F', type, extra), value)), value).toEqual([
          {
            PropertyPath: 'Defaults.DefaultFieldValues[1].DefaultValue',
            Reason: 'TYPE_MISMATCH',
            Message: expect.stringContaining(`default value of ${type} field 'F'`) as string,
          },
        ]);
    });

  it('needs a ContactFlowId or a QUICK_CONNECT field', () => {
    const { ContactFlowId: _flow, ...noFlow } = callbackTemplate();
    expect(templateProblems(noFlow)).toEqual([
      expect.objectContaining({ PropertyPath: 'ContactFlowId', Reason: 'REQUIRED_PROPERTY_MISSING' }),
    ]);
    expect(
      templateProblems({ ...noFlow, Fields: [...noFlow.Fields, field('Send to', 'QUICK_CONNECT')] }),
    ).toEqual([]);
  });

  it('reports every problem of a template at once', () => {
    const t = callbackTemplate({
      ContactFlowId: undefined,
      Fields: [field('Description', 'DESCRIPTION'), field('Due', 'DATE_TIME')],
      Constraints: constraints({ RequiredFields: [ref('Description')] }),
      Defaults: { DefaultFieldValues: [{ Id: { Name: 'Due' }, DefaultValue: 'soon' }] },
    });
    expect(templateProblems(t).map((p) => p.Reason)).toEqual([
      'REQUIRED_PROPERTY_MISSING', // no NAME field
      'NOT_SUPPORTED', // Description read-only and required
      'TYPE_MISMATCH', // Due
      'REQUIRED_PROPERTY_MISSING', // no flow
    ]);
  });
});

describe('a task made from a template', () => {
  const fromFlow: TaskValuesInput = {
    Name: 'Callback to +815012345678',
    References: { PhoneNumber: { Value: '+815012345678', Type: 'STRING' } },
  };

  it('prefills defaults and carries what the flow filled in (rules T4, T7)', () => {
    expect(resolveTaskValues(callbackTemplate(), fromFlow)).toEqual({
      TaskTemplateId: 'template-1',
      TaskTemplateVersion: 1,
      ContactFlowId: 'flow-f3',
      Name: 'Callback to +815012345678',
      Description: CALLBACK_DESCRIPTION,
      FieldValues: {
        'Task name': 'Callback to +815012345678',
        Description: CALLBACK_DESCRIPTION,
        PhoneNumber: '+815012345678',
      },
      References: { PhoneNumber: { Type: 'STRING', Value: '+815012345678' } },
    });
  });

  it('refuses a value for a read-only field, naming it, however it is given (rule T6)', () => {
    for (const [input, path] of [
      [{ ...fromFlow, Description: 'Call back tomorrow' }, 'Description'],
      [
        { ...fromFlow, References: { ...fromFlow.References, Description: 'Call back' } },
        'References.Description',
      ],
    ] as const) {
      const err = thrown(() => resolveTaskValues(callbackTemplate(), input));
      expect(err.code).toBe('PropertyValidationException');
      expect(err.details.propertyList).toEqual([
        {
          PropertyPath: path,
          Reason: 'NOT_SUPPORTED',
          Message: expect.stringMatching(
            /field 'Description' is read-only .*only its default applies/,
          ) as string,
        },
      ]);
    }
    // The default itself may be given: it changes nothing.
    const same = resolveTaskValues(callbackTemplate(), { ...fromFlow, Description: CALLBACK_DESCRIPTION });
    expect(same.Description).toBe(CALLBACK_DESCRIPTION);
  });

  it('refuses a task without its required fields, naming them', () => {
    const t = callbackTemplate({
      Constraints: constraints({ RequiredFields: [ref('Task name'), ref('PhoneNumber')] }),
    });
    const err = thrown(() => resolveTaskValues(t, { References: { PhoneNumber: '' } }));
    expect(err.code).toBe('PropertyValidationException');
    expect(err.details.propertyList?.map((p) => [p.PropertyPath, p.Reason])).toEqual([
      ['Name', 'REQUIRED_PROPERTY_MISSING'],
      ['References.PhoneNumber', 'REQUIRED_PROPERTY_MISSING'],
    ]);
    expect(err.message).toMatch(/field 'Task name' is required/);
    expect(err.message).toMatch(/field 'PhoneNumber' is required/);
  });

  it('refuses values of the wrong type and fields the template does not have', () => {
    const t = withField(field('Attempts', 'NUMBER'));
    const err = thrown(() =>
      resolveTaskValues(t, {
        Name: 'x',
        References: { Attempts: 'two', PhoneNumber: { Value: '+81', Type: 'NUMBER' }, Phone: '+81' },
      }),
    );
    expect(err.details.propertyList?.map((p) => [p.PropertyPath, p.Reason, p.Message])).toEqual([
      [
        'References.Phone',
        'REFERENCED_RESOURCE_NOT_FOUND',
        "'Phone' is not a field of template 'Callback request'",
      ],
      [
        'References.PhoneNumber',
        'TYPE_MISMATCH',
        "field 'PhoneNumber' is TEXT: its reference type is STRING, not NUMBER",
      ],
      ['References.Attempts', 'TYPE_MISMATCH', "value of NUMBER field 'Attempts': 'two' is not a number"],
    ]);
  });

  it('refuses a field given twice', () => {
    const err = thrown(() =>
      resolveTaskValues(callbackTemplate(), { ...fromFlow, References: { 'Task name': 'other' } }),
    );
    expect(err.details.propertyList).toEqual([
      expect.objectContaining({ PropertyPath: 'References.Task name', Reason: 'UNIQUE_CONSTRAINT_VIOLATED' }),
    ]);
  });

  it('refuses an INACTIVE template', () => {
    const err = thrown(() => resolveTaskValues(callbackTemplate({ Status: 'INACTIVE' }), fromFlow));
    expect(err.code).toBe('InvalidRequestException');
    expect(err.message).toMatch(/'Callback request' is INACTIVE/);
  });

  it('turns typed fields into task properties and references', () => {
    const t = callbackTemplate({
      Fields: [
        ...base.Fields,
        field('When', 'SCHEDULED_TIME'),
        field('Expires after', 'EXPIRY_DURATION'),
        field('Mine', 'SELF_ASSIGN'),
        field('Send to', 'QUICK_CONNECT'),
        field('Due', 'DATE_TIME'),
        field('Attempts', 'NUMBER'),
        field('Secret', 'TEXT'),
      ],
      Constraints: constraints({ InvisibleFields: [ref('Secret')] }),
      Defaults: {
        DefaultFieldValues: [
          ...base.Defaults.DefaultFieldValues,
          { Id: { Name: 'When' }, DefaultValue: '2025-04-01T10:00:00Z' },
          { Id: { Name: 'Expires after' }, DefaultValue: '1440' },
          { Id: { Name: 'Mine' }, DefaultValue: 'false' },
          { Id: { Name: 'Send to' }, DefaultValue: 'qc-1' },
          { Id: { Name: 'Attempts' }, DefaultValue: '' },
        ],
      },
    });
    const v = resolveTaskValues(t, {
      ...fromFlow,
      References: { ...fromFlow.References, Due: { Value: '1743501600', Type: 'DATE' }, Secret: 'k' },
    });
    expect(v).toMatchObject({
      ScheduledTime: Date.parse('2025-04-01T10:00:00Z'),
      ExpiryDurationMinutes: 1440,
      SelfAssign: false,
      QuickConnectId: 'qc-1',
      References: {
        PhoneNumber: { Type: 'STRING', Value: '+815012345678' },
        Due: { Type: 'DATE', Value: '1743501600' },
        Secret: { Type: 'STRING', Value: 'k' },
      },
    });
    expect(v.FieldValues).not.toHaveProperty('Attempts');
    // A supplied schedule wins over the default; an ISO DATE_TIME becomes epoch seconds.
    const later = resolveTaskValues(t, {
      ...fromFlow,
      ScheduledTime: Date.parse('2025-04-02T00:00:00Z'),
      References: { Due: '2025-04-01T19:00:00+09:00' },
    });
    expect(later.ScheduledTime).toBe(Date.parse('2025-04-02T00:00:00Z'));
    expect(later.References.Due).toEqual({ Type: 'DATE', Value: '1743501600' });
  });

  it('passes task properties through when the template has no field for them', () => {
    const t = callbackTemplate({
      Fields: base.Fields.filter((f) => f.Type !== 'DESCRIPTION'),
      Constraints: constraints({ ReadOnlyFields: [] }),
      Defaults: { DefaultFieldValues: [] },
    });
    expect(resolveTaskValues(t, { ...fromFlow, Description: 'free text' }).Description).toBe('free text');
  });
});
