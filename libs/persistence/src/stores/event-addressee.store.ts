import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A directory person as the event's addressee panel names them. */
export interface AddresseeRow {
  personId: string;
  fullName: string;
  position: string | null;
  email: string | null;
  active: boolean;
  organisationId: string | null;
  organisationName: string | null;
  /** The municipality of the person's organisation; null: regional or no organisation. */
  municipalityId: string | null;
}

export interface EventAddressees {
  cycleId: string;
  /** As the event lists them; organisationId null: not linked to the directory. */
  executors: { name: string; organisationId: string | null; organisationName: string | null }[];
  /** The people the coordinator named for the event (whatever their e-mail or state, to say so). */
  assigned: AddresseeRow[];
  /** The active contact people of the executor organisations (with or without an e-mail). */
  contacts: AddresseeRow[];
}

const PERSON_COLUMNS = `p.id AS "personId", p.full_name AS "fullName", p.position, p.email, p.active,
  p.organisation_id AS "organisationId", o.name AS "organisationName", o.municipality_id AS "municipalityId"`;

/**
 * Reads behind the coordinator's «Кому напоминать» panel: who an event's reminders reach by default
 * and whom the coordinator named instead. The rule itself is DirectoryStore.reminderRecipients.
 */
@Injectable()
export class EventAddresseeStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when there is no such event. */
  async addressees(eventId: string): Promise<EventAddressees | null> {
    if (!UUID.test(eventId)) return null;
    const [event] = (await this.dataSource.query(
      `SELECT cycle_id AS "cycleId", executors FROM roadmap_events WHERE id = $1`,
      [eventId],
    )) as { cycleId: string; executors: { name: string; organisationId?: string | null }[] }[];
    if (!event) return null;
    const organisationIds = [...new Set(event.executors.flatMap((x) => (x.organisationId ? [x.organisationId] : [])))];
    const [organisations, assigned, contacts] = await Promise.all([
      this.dataSource.query(`SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])`, [
        organisationIds,
      ]) as Promise<{ id: string; name: string }[]>,
      this.dataSource.query(
        `SELECT ${PERSON_COLUMNS} FROM event_assignees a JOIN people p ON p.id = a.person_id
           LEFT JOIN organisations o ON o.id = p.organisation_id
          WHERE a.event_id = $1 ORDER BY p.full_name`,
        [eventId],
      ) as Promise<AddresseeRow[]>,
      this.dataSource.query(
        `SELECT ${PERSON_COLUMNS} FROM people p JOIN organisations o ON o.id = p.organisation_id
          WHERE p.organisation_id = ANY($1::uuid[]) AND p.is_contact AND p.active ORDER BY p.full_name`,
        [organisationIds],
      ) as Promise<AddresseeRow[]>,
    ]);
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return {
      cycleId: event.cycleId,
      executors: event.executors.map((x) => ({
        name: x.name,
        organisationId: x.organisationId ?? null,
        organisationName: x.organisationId ? (names.get(x.organisationId) ?? null) : null,
      })),
      assigned,
      contacts,
    };
  }

  /** The people with these ids that exist, with their organisation's municipality (for scope checks). */
  async people(personIds: string[]): Promise<AddresseeRow[]> {
    const ids = personIds.filter((id) => UUID.test(id));
    if (!ids.length) return [];
    return (await this.dataSource.query(
      `SELECT ${PERSON_COLUMNS} FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
        WHERE p.id = ANY($1::uuid[])`,
      [ids],
    )) as AddresseeRow[];
  }
}
