/** Setup files (docs/SETUP.md): apply one to an instance, export an instance as one. */
export { applySetup, type ApplyOptions, type ReadFile, type SetupServices } from './apply.js';
export { exportSetup, type SetupExport } from './export.js';
export { EXAMPLE_SETUP, readSetupFile, writeSetupExport, type SetupFile } from './files.js';
export { parseSetup, SetupSchema, type Setup, type SetupInput } from './format.js';
export { formatReport, type SetupReport, type ReportEntry } from './report.js';
export { newPassword } from './password.js';
export { setUpFirstStart, type FirstStartOptions, type FirstStartResult } from './first-start.js';
