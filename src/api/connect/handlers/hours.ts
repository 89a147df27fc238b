/** Hours of operation: Create/Describe/List/Update/Delete over the hours service. */
import type { CreateHoursOfOperationInput } from '../../../routing/hours.js';
import type { ApiDeps } from '../../deps.js';
import type { ConnectHandlers } from '../types.js';
import { instanceIdOf, paging, str, without } from './util.js';

const LABELS = ['InstanceId', 'HoursOfOperationId'];

export function hoursHandlers(deps: ApiDeps): ConnectHandlers {
  const { hours } = deps.services;
  return {
    CreateHoursOfOperation: async (input) => {
      const h = await hours.create(
        instanceIdOf(input),
        without(input, ...LABELS) as CreateHoursOfOperationInput,
      );
      return { HoursOfOperationId: h.HoursOfOperationId, HoursOfOperationArn: h.HoursOfOperationArn };
    },

    DescribeHoursOfOperation: async (input) => ({
      HoursOfOperation: await hours.describe(instanceIdOf(input), str(input, 'HoursOfOperationId')),
    }),

    ListHoursOfOperations: async (input) => {
      const page = await hours.list(instanceIdOf(input), paging(input));
      return {
        HoursOfOperationSummaryList: page.items.map((h) => ({
          Id: h.HoursOfOperationId,
          Arn: h.HoursOfOperationArn,
          Name: h.Name,
          LastModifiedTime: h.LastModifiedTime,
        })),
        NextToken: page.nextToken,
      };
    },

    UpdateHoursOfOperation: async (input) => {
      await hours.update(instanceIdOf(input), str(input, 'HoursOfOperationId'), without(input, ...LABELS));
      return {};
    },

    DeleteHoursOfOperation: async (input) => {
      await hours.delete(instanceIdOf(input), str(input, 'HoursOfOperationId'));
      return {};
    },
  };
}
