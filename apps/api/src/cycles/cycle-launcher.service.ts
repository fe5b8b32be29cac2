import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import type { StoredCycle } from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type StartOutcome, type WorkflowGateway } from '@orientir/temporal';
import { CycleErrorCode, CycleException } from './cycle.exception';
import type { LaunchSummary } from './dto/cycle-view.dto';

/** Starts a stored cycle's workflows (one per school, one per event); starting twice starts nothing twice. */
@Injectable()
export class CycleLauncherService {
  private readonly logger = new Logger(CycleLauncherService.name);

  constructor(
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start({ cycle, schools, events }: StoredCycle): Promise<LaunchSummary> {
    const outcomes: StartOutcome[] = [];
    try {
      for (const school of schools) {
        outcomes.push(
          await this.workflows.startSchoolWorkflow({
            cycleId: cycle.id,
            schoolId: school.id,
            municipality: school.municipality,
          }),
        );
      }
      for (const event of events) {
        outcomes.push(
          await this.workflows.startEventWorkflow({
            cycleId: cycle.id,
            eventId: event.id,
            opensAt: event.opensAt.toISOString(),
            deadline: event.deadline.toISOString(),
            reminderDaysBefore: this.config.reminders.daysBefore,
          }),
        );
      }
    } catch (error) {
      this.logger.error(`Launching cycle ${cycle.id} failed: ${String(error)}`);
      throw new CycleException(
        CycleErrorCode.WORKFLOW_UNAVAILABLE,
        `Цикл «${cycle.title}» сохранен, но запустить процессы не удалось: сервер Temporal недоступен. Повторите запуск: POST /api/cycles/${cycle.id}/launch`,
      );
    }
    return {
      started: outcomes.filter((o) => o === 'started').length,
      existing: outcomes.filter((o) => o === 'existing').length,
    };
  }
}
