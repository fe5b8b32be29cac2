import { ApplicationFailure, log } from '@temporalio/activity';
import { escalationKey, parseEscalationKey, SCHOOL_STAGE_TITLES_RU } from '@orientir/domain';
import type { SchoolNoticeInput, SchoolSetupInput, SchoolYearSetup } from '@orientir/contracts';
import { renderSchoolNotice, type MailOutbox } from '@orientir/mail';
import type { Addressee, CalendarPort, SchoolYearPort } from '../activity.ports';
import { coordinatorStepAddressees } from '../notifications/escalation-recipients.util';
import { buildSchoolYearSetup } from './school-year-setup.util';

export interface SchoolYearActivityDeps {
  schoolYear: SchoolYearPort;
  /** Mail only queues; the worker's dispatcher sends it, so no school workflow waits on SMTP. */
  outbox: Pick<MailOutbox, 'enqueue'>;
  publicUrl: string;
  reminderDaysBefore: number[];
  calendar: CalendarPort;
}

const FALLBACK_REMARKS =
  'В муниципалитете школы нет муниципального координатора, поэтому письмо направлено региональному координатору — следующему адресату цепочки эскалации цикла: просим проконтролировать выполнение.';

/** Thin adapters: the school workflow's set-up from PostgreSQL, and its notices through the outbox. */
export function createSchoolYearActivities({
  schoolYear,
  outbox,
  publicUrl,
  reminderDaysBefore,
  calendar,
}: SchoolYearActivityDeps) {
  return {
    async loadSchoolYearSetup(input: SchoolSetupInput): Promise<SchoolYearSetup> {
      const facts = await schoolYear.loadFacts(input.cycleId, input.schoolId);
      if (!facts) {
        throw ApplicationFailure.create({
          message: `School ${input.schoolId} of cycle ${input.cycleId} not found`,
          nonRetryable: true,
        });
      }
      return buildSchoolYearSetup(
        {
          cycle: facts.cycle,
          school: facts.school,
          settings: facts.settings,
          curator: facts.curator,
        },
        { now: new Date(), reminderDaysBefore, calendarOverrides: await calendar.overrides() },
      );
    },

    async sendSchoolNotice(input: SchoolNoticeInput): Promise<{ recipients: number }> {
      const facts = await schoolYear.loadFacts(input.cycleId, input.schoolId);
      if (!facts) return { recipients: 0 };
      // A letter's key and remarks: the notice's own, unless the municipal step fell back to the regional one.
      const recipients: (Addressee & { key?: string; remarks?: string })[] = [];
      const municipalityId = facts.school.municipalityId ?? facts.cycle.municipalityId;
      const step = parseEscalationKey(input.key);
      for (const audience of input.audience) {
        if (audience === 'school_team') recipients.push(...(await schoolYear.schoolTeamAddressees(facts.school)));
        if (audience === 'coordinator' && step?.level === 'municipal_coordinator') {
          const place = { municipalityId, label: `school «${facts.school.name}»` };
          for (const a of await coordinatorStepAddressees(schoolYear, input.cycleId, step.level, [place])) {
            recipients.push(
              a.level === step.level
                ? a
                : { ...a, key: escalationKey(step.itemKey, a.level), remarks: FALLBACK_REMARKS },
            );
          }
        } else if (audience === 'coordinator') {
          recipients.push(...(await schoolYear.coordinatorAddressees(municipalityId)));
        }
        if (audience === 'regional_coordinator') recipients.push(...(await schoolYear.regionalCoordinatorAddressees()));
        if (audience === 'curator') {
          for (const person of [input.curator, ...input.experts]) {
            const addressee = person ? await schoolYear.personAddressee(person) : null;
            if (addressee) recipients.push(addressee);
          }
        }
      }
      if (recipients.length === 0) {
        log.warn('No addressee for a school notice; shown on the timeline only', { ...input });
      }
      const seen = new Set<string>();
      for (const recipient of recipients) {
        const email = recipient.email.toLowerCase();
        if (seen.has(email)) continue;
        seen.add(email);
        const mail = renderSchoolNotice({
          kind: input.kind,
          recipientName: recipient.name,
          schoolName: facts.school.name,
          cycleTitle: facts.cycle.title,
          stageTitle: SCHOOL_STAGE_TITLES_RU[input.stage],
          round: input.round,
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          timezone: facts.cycle.timezone,
          documentTitle: input.documentTitle ?? input.documentKey,
          remarks: recipient.remarks ?? input.remarks,
          actionUrl: `${publicUrl}/cycles/${input.cycleId}/schools/${input.schoolId}`,
        });
        await outbox.enqueue({
          to: email,
          kind: `school-${input.kind.replace(/_/g, '-')}`,
          dedupeKey: `${input.workflowId}/${recipient.key ?? input.key}/${email}`,
          cycleId: input.cycleId,
          ...mail,
        });
      }
      return { recipients: seen.size };
    },
  };
}
