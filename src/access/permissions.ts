/**
 * Amazon Connect's security-profile permission names (admin guide "List of security profile permissions"),
 * grouped as the Security profiles page of the Connect admin website groups them: a group (section), then one
 * row per feature with the API names of its actions. A console renders it as is; the services accept exactly
 * these names (plus the legacy ones, which Create/UpdateSecurityProfile still take).
 */

interface FeatureRow {
  /** The feature as the admin website labels its row. */
  readonly label: string;
  readonly names: readonly string[];
}

export interface PermissionGroup {
  readonly label: string;
  readonly features: readonly FeatureRow[];
}

/** `crud('Cases', ['Create', 'View'])` → `['Cases.Create', 'Cases.View']`, keeping the literal types. */
function crud<const P extends string, const A extends string>(
  prefix: P,
  actions: readonly A[],
): `${P}.${A}`[] {
  return actions.map((a): `${P}.${A}` => `${prefix}.${a}`);
}

export const PERMISSION_CATALOGUE = [
  {
    label: 'Routing',
    features: [
      { label: 'Routing profiles', names: crud('RoutingPolicies', ['Create', 'Edit', 'View']) },
      { label: 'Quick connects', names: crud('TransferDestinations', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'Hours of operation', names: crud('HoursOfOperation', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'Queues', names: crud('Queues', ['Create', 'Edit', 'EnableAndDisable', 'View']) },
      { label: 'Task templates', names: crud('TaskTemplates', ['Create', 'Delete', 'Edit', 'View']) },
      {
        label: 'Predefined attributes',
        names: crud('PredefinedAttributes', ['Create', 'Delete', 'Edit', 'View']),
      },
      {
        label: 'Data tables',
        names: crud('DataTables', [
          'Create',
          'Delete',
          'Edit',
          'View',
          'ManageValues',
          'EditExpressionValues',
        ]),
      },
    ],
  },
  {
    label: 'Channels and flows',
    features: [
      { label: 'Prompts', names: crud('Prompts', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'Flows', names: crud('ContactFlows', ['Create', 'Delete', 'Edit', 'Publish', 'View']) },
      {
        label: 'Flow modules',
        names: crud('ContactFlowModules', ['Create', 'Delete', 'Edit', 'Publish', 'View']),
      },
      { label: 'Bots', names: crud('Bots', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'Phone numbers', names: crud('PhoneNumbers', ['Claim', 'Edit', 'Release', 'View']) },
      { label: 'Communication widget (chat test mode)', names: ['ChatTestMode'] },
      { label: 'Email addresses', names: crud('EmailAddresses', ['Create', 'Edit', 'Remove', 'View']) },
      { label: 'Views', names: crud('Views', ['Create', 'Edit', 'Remove', 'View']) },
      { label: 'Analytics connectors', names: ['AnalyticsConnectors.Edit', 'AnalyticsConnectors.View'] },
    ],
  },
  {
    label: 'Users and permissions',
    features: [
      { label: 'Users', names: crud('Users', ['Create', 'Delete', 'Edit', 'EditPermission', 'View']) },
      {
        label: 'Agent hierarchy',
        names: crud('AgentGrouping', ['Create', 'Edit', 'EnableAndDisable', 'View']),
      },
      { label: 'Security profiles', names: crud('SecurityProfiles', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'Agent status', names: crud('AgentStates', ['Create', 'Edit', 'EnableAndDisable', 'View']) },
      {
        label: 'Workspaces',
        names: crud('Workspaces', ['Assign', 'Create', 'Delete', 'Edit', 'EditVisibility', 'View']),
      },
    ],
  },
  {
    label: 'Contact Control Panel (CCP)',
    features: [
      { label: 'Access Contact Control Panel', names: ['BasicAgentAccess'] },
      { label: 'Conversational analytics data', names: ['RealtimeContactLens.View'] },
      { label: 'Make outbound calls', names: ['OutboundCallAccess'] },
      { label: 'Voice ID', names: ['VoiceId.Access'] },
      { label: 'Restrict task creation', names: ['RestrictTaskCreation.Access'] },
      { label: 'Restrict phone type settings', names: ['RestrictPhoneTypeSettings.Access'] },
      { label: 'Audio device settings', names: ['AudioDeviceSettings.Access'] },
      { label: 'Video calls', names: ['VideoContact.Access'] },
      { label: 'Initiate email conversation', names: ['OutboundEmail.Create'] },
      { label: 'Allow self assigning of contacts', names: ['SelfAssignContacts.Access'] },
      { label: 'Confirmation before ending contact', names: ['RequireEndContactConfirmation.Enabled'] },
    ],
  },
  {
    label: 'Analytics and Optimization',
    features: [
      { label: 'Access metrics', names: ['AccessMetrics'] },
      { label: 'Real-time metrics', names: ['AccessMetrics.RealTimeMetrics.Access'] },
      { label: 'Historical metrics', names: ['AccessMetrics.HistoricalMetrics.Access'] },
      { label: 'Agent activity audit', names: ['AccessMetrics.AgentActivityAudit.Access'] },
      { label: 'Dashboards', names: ['AccessMetrics.Dashboards.Access'] },
      { label: 'View my own data in dashboards', names: ['AccessMetrics.DashboardsWithMyData.View'] },
      {
        label: 'Custom metrics',
        names: crud('CustomMetrics', ['Create', 'Delete', 'Edit', 'Publish', 'View']),
      },
      { label: 'Contact search', names: ['ContactSearch.View'] },
      { label: 'View my contacts', names: ['MyContacts.View'] },
      { label: 'Sample contacts', names: ['ContactSearchSampleContacts.View'] },
      {
        label: 'Search contacts by conversation characteristics',
        names: ['ContactSearchWithCharacteristics.Access', 'ContactSearchWithCharacteristics.View'],
      },
      {
        label: 'Search contacts by keywords',
        names: ['ContactSearchWithKeywords.Access', 'ContactSearchWithKeywords.View'],
      },
      { label: 'Configure searchable contact attributes', names: ['ConfigureContactAttributes.View'] },
      { label: 'Restrict contact access', names: ['RestrictContactAccessByHierarchy.View'] },
      { label: 'Contact attributes', names: ['ContactAttributes.View'] },
      { label: 'Conversational analytics', names: ['GraphTrends.View'] },
      {
        label: 'Information extraction',
        names: [
          ...crud('InformationExtraction.Definitions', ['Create', 'Delete', 'Edit', 'View']),
          'InformationExtraction.Results.View',
        ],
      },
      {
        label: 'Conversational analytics - post-contact summary',
        names: ['ContactLensPostContactSummary.View'],
      },
      {
        label: 'Conversational analytics - custom vocabularies',
        names: ['ContactLensCustomVocabulary.Edit', 'ContactLensCustomVocabulary.View'],
      },
      {
        label: 'Conversational analytics - theme detection',
        names: crud('ThemeDetection', ['Create', 'Delete', 'View']),
      },
      { label: 'Rules', names: crud('Rules', ['Create', 'Delete', 'Edit', 'View']) },
      {
        label: 'Rules - Generative AI',
        names: crud('RulesGenerativeAI', ['Create', 'Delete', 'Edit', 'View']),
      },
      { label: 'Login/Logout report', names: ['AgentTimeCard.View'] },
      { label: 'Real-time contact monitoring', names: ['ManagerListenIn'] },
      { label: 'Real-time contact barge-in', names: ['ManagerBargeIn'] },
      {
        label: 'Saved reports',
        names: crud('MetricsReports', ['Create', 'Delete', 'Edit', 'Publish', 'Schedule', 'Share', 'View']),
      },
      { label: 'Report schedules', names: crud('ReportSchedules', ['Create', 'Delete', 'Edit', 'View']) },
      {
        label: 'Saved reports (admin)',
        names: crud('ReportsAdmin', ['Access', 'Delete', 'Publish', 'Schedule', 'View']),
      },
      {
        label: 'Evaluation forms - perform evaluations',
        names: crud('Evaluation', ['Create', 'Delete', 'Edit', 'View']),
      },
      { label: 'Evaluation forms - view my received evaluations', names: ['MyReceivedEvaluations.View'] },
      {
        label: 'Evaluation forms - manage form definitions',
        names: crud('EvaluationForms', ['Create', 'Delete', 'Edit', 'View']),
      },
      { label: 'Evaluation forms - ask AI assistant', names: ['EvaluationAssistant.Access'] },
      {
        label: 'Evaluation forms - manage calibration sessions',
        names: crud('EvaluationCalibrationSessions', ['Create', 'Delete', 'Edit', 'View']),
      },
      {
        label: 'Evaluation forms - review evaluations',
        names: ['EvaluationReviews.Create', 'EvaluationReviews.View'],
      },
      {
        label: 'Evaluation forms - request evaluation reviews',
        names: crud('EvaluationReviewRequest', ['Create', 'Delete', 'View']),
      },
      {
        label: 'Coaching - my coaching sessions',
        names: crud('MyCoachingSessions', ['Create', 'Delete', 'Edit', 'View']),
      },
      {
        label: 'Coaching - manage coaching sessions',
        names: crud('CoachingSessions', ['Create', 'Delete', 'Edit', 'View']),
      },
      { label: 'Voice ID - attributes and search', names: ['VoiceIdAttributesAndSearch.View'] },
      { label: 'Forecasting', names: crud('Forecasting', ['Edit', 'Publish', 'View']) },
      { label: 'Capacity planning', names: crud('Capacity', ['Edit', 'Publish', 'View']) },
      {
        label: 'Forecast and schedule interval',
        names: ['ForecastScheduleInterval.Edit', 'ForecastScheduleInterval.View'],
      },
    ],
  },
  {
    label: 'Recordings and Transcripts',
    features: [
      {
        label: 'Call recordings (unredacted)',
        names: ['CallRecordings.Unredacted.Access', 'CallRecordings.Unredacted.DownloadButton'],
      },
      {
        label: 'Call recordings (redacted)',
        names: ['CallRecordings.Redacted.Access', 'CallRecordings.Redacted.DownloadButton'],
      },
      {
        label: 'Contact transcripts (unredacted)',
        names: ['ContactTranscripts.Unredacted.Access', 'ContactTranscripts.Unredacted.DownloadButton'],
      },
      { label: 'Contact transcripts (redacted)', names: ['ContactTranscripts.Redacted.Access'] },
      { label: 'Delete recorded conversations', names: ['DeleteCallRecordings'] },
      { label: 'Screen recording', names: crud('ScreenRecording', ['Access', 'Delete', 'Download']) },
      {
        label: 'Screen recording (redacted)',
        names: ['ScreenRecording.Redacted.Access', 'ScreenRecording.Redacted.Download'],
      },
      {
        label: 'Automated interaction voice (IVR) recordings (unredacted)',
        names: [
          'AutomatedVoiceInteraction.Recordings.Unredacted.Access',
          'AutomatedVoiceInteraction.Recordings.Unredacted.DownloadButton',
        ],
      },
      {
        label: 'Automated interaction voice (IVR) transcripts (unredacted)',
        names: ['AutomatedVoiceInteraction.Transcripts.Unredacted.Access'],
      },
    ],
  },
  {
    label: 'Contact Actions',
    features: [
      { label: "Allow 'Assign to Me' for any contact", names: ['ManualAssignAnyContact.Enable'] },
      { label: "Allow 'Assign to Me' for my contacts", names: ['ManualAssignMyContacts.Enable'] },
      { label: 'Transfer contact', names: ['TransferContact.Enabled'] },
      { label: 'End contact', names: ['StopContact.Enabled'] },
      { label: 'Reschedule contact', names: ['UpdateContactSchedule.Enabled'] },
      { label: 'Update contact tags', names: ['Contacts.Tag.Edit'] },
    ],
  },
  {
    label: 'Historical changes',
    features: [{ label: 'View historical changes', names: ['HistoricalChanges.View'] }],
  },
  {
    label: 'Customer Profiles',
    features: [
      { label: 'Customer profiles', names: crud('CustomerProfiles', ['Create', 'Edit', 'View']) },
      {
        label: 'Calculated attributes',
        names: crud('CustomerProfiles.CalculatedAttributes', ['Create', 'Delete', 'Edit', 'View']),
      },
      {
        label: 'Customer segments',
        names: crud('CustomerProfiles.Segments', ['Create', 'Delete', 'Export', 'View']),
      },
      {
        label: 'Profile explorer',
        names: crud('CustomerProfiles.ProfileExplorer', ['Create', 'Delete', 'Edit', 'View']),
      },
    ],
  },
  {
    label: 'Scheduling',
    features: [
      { label: 'Schedule manager', names: crud('Scheduling', ['Edit', 'Publish', 'View']) },
      { label: 'Time off requests', names: crud('TimeOff', ['Approve', 'Edit', 'View']) },
      { label: 'Time off balance', names: ['TimeOffBalance.Edit', 'TimeOffBalance.View'] },
      { label: 'Team calendar', names: ['TeamCalendar.Edit', 'TeamCalendar.View'] },
    ],
  },
  {
    label: 'Agent Applications',
    features: [
      { label: 'Agent application schedule calendar', names: ['StaffCalendar.Edit', 'StaffCalendar.View'] },
      { label: 'Custom views', names: ['CustomViews.Access'] },
      { label: 'Agent assist', names: ['Wisdom.View'] },
      { label: 'Performance metrics', names: ['Analytics.PerformanceMetrics.Access'] },
    ],
  },
  {
    label: 'Content Management',
    features: [
      {
        label: 'Message templates',
        names: crud('ContentManagement.MessageTemplates', ['Create', 'Delete', 'Edit', 'View']),
      },
      { label: 'Quick responses', names: crud('ContentManagement', ['Create', 'Delete', 'Edit', 'View']) },
    ],
  },
  {
    label: 'Cases',
    features: [
      { label: 'Cases', names: crud('Cases', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'My cases', names: ['MyCases.Delete'] },
      { label: 'Audit history', names: ['CaseHistory.View'] },
      { label: 'Case fields', names: crud('CaseFields', ['Create', 'Edit', 'View']) },
      { label: 'Case templates', names: crud('CaseTemplates', ['Create', 'Edit', 'View']) },
      { label: 'Case comments', names: ['CaseComments.Delete', 'CaseComments.Edit'] },
      { label: 'My case comments', names: ['MyCaseComments.Delete', 'MyCaseComments.Edit'] },
      {
        label: 'Case custom related items',
        names: ['CaseCustomRelatedItems.Delete', 'CaseCustomRelatedItems.Edit'],
      },
      {
        label: 'My case custom related items',
        names: ['MyCaseCustomRelatedItems.Delete', 'MyCaseCustomRelatedItems.Edit'],
      },
      { label: 'Case contacts', names: ['CaseContacts.Delete'] },
      { label: 'My case contacts', names: ['MyCaseContacts.Delete'] },
      { label: 'Case files', names: ['CaseFiles.Delete'] },
    ],
  },
  {
    label: 'Outbound Campaigns',
    features: [
      { label: 'Campaigns', names: crud('Campaigns', ['Create', 'Delete', 'Edit', 'Manage', 'View']) },
    ],
  },
  {
    label: 'Amazon Q',
    features: [
      { label: 'AI agents', names: crud('QConnectAIAgents', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'AI prompts', names: crud('QConnectAIPrompts', ['Create', 'Delete', 'Edit', 'View']) },
      { label: 'AI guardrails', names: crud('QConnectGuardrails', ['Create', 'Delete', 'Edit', 'View']) },
    ],
  },
  {
    // Not shown on the admin website's Security profiles page any more, still accepted by the API.
    label: 'Legacy permissions',
    features: [
      { label: 'Recorded conversations (redacted)', names: ['RedactedData.View'] },
      { label: 'Recorded conversations (unredacted)', names: ['ListenCallRecordings'] },
      { label: 'Recorded conversations - Enable download button', names: ['DownloadCallRecordings'] },
      { label: 'Contact recording access', names: ['ContactRecording.Access'] },
      { label: 'Real-time metrics (before AccessMetrics.*)', names: ['RealTimeMetrics.Access'] },
      { label: 'Historical metrics (before AccessMetrics.*)', names: ['HistoricalMetrics.Access'] },
      { label: 'Agent activity audit (before AccessMetrics.*)', names: ['AgentActivityAudit.Access'] },
    ],
  },
] as const satisfies readonly PermissionGroup[];

/** Every permission name Tsunagi knows, as a type. */
export type PermissionName = (typeof PERMISSION_CATALOGUE)[number]['features'][number]['names'][number];

/** Every known name, in catalogue order. */
export const ALL_PERMISSIONS: readonly PermissionName[] = PERMISSION_CATALOGUE.flatMap((g) =>
  g.features.flatMap((f): readonly PermissionName[] => f.names),
);

const KNOWN: ReadonlySet<string> = new Set(ALL_PERMISSIONS);

export function isKnownPermission(name: string): name is PermissionName {
  return KNOWN.has(name);
}
