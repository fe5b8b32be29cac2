// Deterministic workflow IDs: launching a cycle twice starts nothing twice.
export const schoolWorkflowId = (cycleId: string, schoolId: string): string => `cycle/${cycleId}/school/${schoolId}`;
export const eventWorkflowId = (cycleId: string, eventId: string): string => `cycle/${cycleId}/event/${eventId}`;
