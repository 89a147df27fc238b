/** CreateInstance, DescribeInstance, ListInstances over the instance service. */
import type { CreateInstanceInput } from '../../../instances/instances.js';
import type { ApiDeps } from '../../deps.js';
import type { ConnectHandlers } from '../types.js';
import { instanceIdOf, paging } from './util.js';

export function instanceHandlers(deps: ApiDeps): ConnectHandlers {
  const { instances } = deps.services;
  return {
    CreateInstance: async (input) => {
      const instance = await instances.create(input as CreateInstanceInput);
      return { Id: instance.Id, Arn: instance.Arn };
    },

    DescribeInstance: async (input) => ({ Instance: await instances.describe(instanceIdOf(input)) }),

    ListInstances: async (input) => {
      const page = await instances.list(paging(input));
      return { InstanceSummaryList: page.items, NextToken: page.nextToken };
    },
  };
}
