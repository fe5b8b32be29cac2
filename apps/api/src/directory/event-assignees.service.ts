import { Injectable } from '@nestjs/common';
import { executorGroupLabel, executorGroupOf } from '@orientir/domain';
import { DirectoryStore, EventAddresseeStore, type AddresseeRow, type Recipient } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/principal.model';
import { DirectoryErrorCode, DirectoryException } from './directory.exception';
import { DirectoryService } from './directory.service';
import type { AddresseePersonView, EventAddresseesView } from './dto/directory.view';

/**
 * Whom an event's reminders reach: by default the contact people of its executor organisations, or
 * the people a coordinator of the event's municipality names for it. Changes are audited.
 */
@Injectable()
export class EventAssigneesService {
  constructor(
    private readonly addressees: EventAddresseeStore,
    private readonly directory: DirectoryStore,
    private readonly scope: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  async view(eventId: string, actor: Actor): Promise<EventAddresseesView> {
    await this.assertManagesEvent(eventId, actor);
    const found = await this.addressees.addressees(eventId);
    if (!found) throw eventNotFound(eventId);
    const event = { id: eventId, cycleId: found.cycleId, executors: found.executors };
    // The worker's own rule, so the panel says exactly who the next reminder goes to.
    const [next, groups] = await Promise.all([
      this.directory.reminderRecipients(event),
      this.directory.cycleGroupRecipients(found.cycleId, found.executors),
    ]);
    const known = new Map([...found.contacts, ...found.assigned].map((p) => [p.personId, p]));
    const strangers = [...next, ...[...groups.values()].flat()].flatMap((r) =>
      r.personId && !known.has(r.personId) ? [r.personId] : [],
    );
    for (const p of await this.addressees.people([...new Set(strangers)])) known.set(p.personId, p);
    const show = (r: Recipient): AddresseePersonView => {
      const person = r.personId ? known.get(r.personId) : undefined;
      return person
        ? toAddressee(person)
        : { id: null, fullName: r.name, position: null, email: r.email, organisationName: null, active: true };
    };
    return {
      eventId,
      assigned: found.assigned.map(toAddressee),
      executors: found.executors.map((x) => {
        const contacts = found.contacts.filter((p) => x.organisationId && p.organisationId === x.organisationId);
        const group = executorGroupOf(x.name);
        const reached = groups.get(x.name) ?? [];
        const ok = contacts.some((p) => p.email) || reached.length > 0;
        return {
          ...x,
          contacts: [...contacts.map(toAddressee), ...reached.map(show)],
          group: group && { kind: group.kind, label: executorGroupLabel(group), recipients: reached.length },
          addressee: ok ? 'ok' : !x.organisationId && !group ? 'unmatched' : 'no_addressee',
        };
      }),
      recipients: next.map(show),
    };
  }

  /** Reminders of this event go to these people instead of the contact people; an empty list goes back to them. */
  async set(eventId: string, personIds: string[], actor: Actor): Promise<void> {
    await this.assertManagesEvent(eventId, actor);
    const ids = [...new Set(personIds)];
    const scope = await this.scope.scope(actor);
    const people = new Map((await this.addressees.people(ids)).map((p) => [p.personId, p]));
    // Another municipality's people look the same as absent ones (regional organisations are everyone's).
    const visible = (p: AddresseeRow | undefined): p is AddresseeRow =>
      !!p &&
      (scope === null || (!!p.organisationId && (p.municipalityId === null || scope.includes(p.municipalityId))));
    const missing = ids.filter((id) => !visible(people.get(id)));
    if (missing.length) {
      throw new DirectoryException(
        DirectoryErrorCode.PERSON_NOT_FOUND,
        'Не все люди найдены в справочнике',
        missing.map((id) => `personIds[${personIds.indexOf(id)}]: ${id} нет в справочнике`),
      );
    }
    const unreachable = ids.flatMap((id) => {
      const p = people.get(id) as AddresseeRow;
      const i = personIds.indexOf(id);
      if (!p.active) return [`personIds[${i}]: «${p.fullName}» выбыл(а) из организации и напоминаний не получает`];
      if (!p.email) return [`personIds[${i}]: у «${p.fullName}» нет адреса электронной почты`];
      return [];
    });
    if (unreachable.length) {
      throw new DirectoryException(
        DirectoryErrorCode.ASSIGNEE_UNREACHABLE,
        'Напоминания не дойдут до выбранных людей: выберите других',
        unreachable,
      );
    }
    const before = (await this.addressees.addressees(eventId))?.assigned.map((p) => p.personId) ?? [];
    await this.directory.setEventAssignees(eventId, ids);
    await this.audit.record(actor, {
      action: 'event.assignees.set',
      outcome: 'success',
      targetType: 'event',
      targetId: eventId,
      details: { before, personIds: ids },
    });
  }

  private async assertManagesEvent(eventId: string, actor: Actor): Promise<void> {
    const municipalityId = await this.directory.municipalityOfEvent(eventId);
    if (municipalityId === undefined) throw eventNotFound(eventId);
    await this.scope.assertManages(municipalityId, actor, () => eventNotFound(eventId));
  }
}

function eventNotFound(id: string): DirectoryException {
  return new DirectoryException(DirectoryErrorCode.EVENT_NOT_FOUND, `Мероприятие ${id} не найдено`);
}

function toAddressee(p: AddresseeRow): AddresseePersonView {
  return {
    id: p.personId,
    fullName: p.fullName,
    position: p.position,
    email: p.email,
    organisationName: p.organisationName,
    active: p.active,
  };
}
