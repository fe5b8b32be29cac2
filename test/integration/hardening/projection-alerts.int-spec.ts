import { WORKFLOW_GATEWAY, type WorkflowGateway } from '@orientir/temporal';
import { eventually } from '../../support/poll.util';
import { useHarness } from '../../support/test-harness';

interface SchoolRow {
  id: string;
  stage: string;
  round: number;
  projectionError: string | null;
}

describe('projection of bad data: fails once, visibly, and the school’s process goes on', () => {
  const harness = useHarness();

  it('a NUL in a reason that got past the API shows as an alert on the cycle, not a frozen status', async () => {
    const cycle = await harness.admin
      .post('/api/cycles')
      .send({
        title: 'Цикл с плохими данными',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: 'г. Иркутск',
        schools: [{ name: 'Школа', category: 'shnor' }],
        events: [
          {
            number: '1',
            title: 'Мероприятие',
            opensAt: '2026-12-01',
            deadline: '2026-12-20',
            executors: [],
          },
        ],
      })
      .expect(201);
    const cycleId: string = cycle.body.id;
    const schoolId: string = cycle.body.schools[0].id;
    const school = async (): Promise<{ row: SchoolRow; alerts: { id: string; message: string }[] }> => {
      const view = (await harness.admin.get(`/api/cycles/${cycleId}`).expect(200)).body;
      return { row: view.schools[0], alerts: view.alerts };
    };
    await eventually('the school projected', async () =>
      (await school()).row.stage === 'risk_profile' ? true : undefined,
    );

    // Straight to the workflow, as data from any other path (or from before the edge check) would arrive.
    const gateway = harness.apps.api.get<WorkflowGateway>(WORKFLOW_GATEWAY);
    const actor = {
      userId: '00000000-0000-4000-8000-000000000001',
      personId: null,
      name: 'Администратор',
      grants: [{ role: 'admin', scopeKind: 'global', scopeValue: null }],
    };
    await gateway.schoolAction(cycleId, schoolId, 'extendDeadline', {
      actor,
      dueAt: '2099-12-31T00:00:00Z',
      reason: 'Причина\u0000скрытая',
    });

    const flagged = await eventually('the alert on the cycle', async () => {
      const s = await school();
      return s.alerts.length ? s : undefined;
    });
    expect(flagged.row).toMatchObject({ stage: 'risk_profile', round: 1 });
    expect(flagged.row.projectionError).toMatch(/^Данные не сохранены в сводке/);
    expect(flagged.alerts).toEqual([
      { kind: 'school', id: schoolId, message: expect.stringMatching(/^Школа «Школа»: Данные не сохранены/) },
    ]);

    // The workflow neither failed nor retries for ever: it takes the next step, and the alert clears.
    await gateway.schoolAction(cycleId, schoolId, 'setRiskProfile', { actor, flaggedDirections: ['low_motivation'] });
    const healed = await eventually('the next projection', async () => {
      const s = await school();
      return s.row.stage === 'self_diagnosis' ? s : undefined;
    });
    expect(healed.alerts).toEqual([]);
    expect(healed.row.projectionError).toBeNull();
  });
});
