import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { PersonRef } from '@orientir/contracts';
import {
  CycleEntity,
  CycleSchoolSettingsEntity,
  DirectorySchoolEntity,
  SchoolEntity,
  SchoolProgressEntity,
  SchoolTimelineEntity,
} from '../entities';

export interface SchoolInCycle {
  school: SchoolEntity;
  cycle: CycleEntity;
}

/** One cycle's row of a directory school with where its year stands (null: not projected yet). */
export interface SchoolInOtherCycle extends SchoolInCycle {
  stage: string | null;
  round: number | null;
}

export interface SchoolYearFacts extends SchoolInCycle {
  settings: CycleSchoolSettingsEntity | null;
  curator: PersonRef | null;
}

/** A cycle's school as an import names it: its own name, its directory names and code, and where it is. */
export interface CycleSchoolMatch {
  schoolId: string;
  name: string;
  fullName: string | null;
  shortName: string | null;
  officialCode: string | null;
  stage: string | null;
  flaggedDirections: string[] | null;
}

export interface Addressee {
  name: string;
  email: string;
}

/** Reads and writes of the school year beyond the projection: set-up facts, settings, timeline, addressees. */
@Injectable()
export class SchoolYearStore {
  constructor(private readonly dataSource: DataSource) {}

  async findSchool(schoolId: string): Promise<SchoolInCycle | null> {
    const school = await this.dataSource
      .getRepository(SchoolEntity)
      .findOne({ where: { id: schoolId }, relations: { cycle: true } });
    if (!school?.cycle) return null;
    const { cycle, ...row } = school;
    return { school: row as SchoolEntity, cycle };
  }

  /** Every cycle's row of the same directory school (a school without one: only itself), newest year first. */
  async sameSchoolInCycles(found: SchoolInCycle): Promise<SchoolInOtherCycle[]> {
    const rows = found.school.directorySchoolId
      ? await this.dataSource.getRepository(SchoolEntity).find({
          where: { directorySchoolId: found.school.directorySchoolId },
          relations: { cycle: true },
        })
      : [{ ...found.school, cycle: found.cycle }];
    const progress = new Map(
      (
        await this.dataSource.getRepository(SchoolProgressEntity).find({
          where: { schoolId: In(rows.map((r) => r.id)) },
          select: { schoolId: true, stage: true, round: true },
        })
      ).map((p) => [p.schoolId, p]),
    );
    return rows
      .filter((r): r is SchoolEntity & { cycle: CycleEntity } => !!r.cycle)
      .map(({ cycle, ...school }) => ({
        school: school as SchoolEntity,
        cycle,
        stage: progress.get(school.id)?.stage ?? null,
        round: progress.get(school.id)?.round ?? null,
      }))
      .sort((a, b) => b.cycle.year - a.cycle.year || b.cycle.createdAt.getTime() - a.cycle.createdAt.getTime());
  }

  async cycle(cycleId: string): Promise<CycleEntity | null> {
    return this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
  }

  /** What the school workflow reads at start: the school, its cycle, the cycle's settings and the curator. */
  async loadFacts(cycleId: string, schoolId: string): Promise<SchoolYearFacts | null> {
    const found = await this.findSchool(schoolId);
    if (!found || found.cycle.id !== cycleId) return null;
    const settings = await this.dataSource.getRepository(CycleSchoolSettingsEntity).findOneBy({ cycleId });
    return { ...found, settings, curator: await this.curatorOf(found.school) };
  }

  /** The curator assigned in the directory for this cycle, else an account with a curator grant on the school. */
  async curatorOf(school: SchoolEntity): Promise<PersonRef | null> {
    if (school.directorySchoolId) {
      const [assigned] = await this.dataSource.query<{ personId: string; userId: string | null; name: string }[]>(
        `SELECT p.id AS "personId", p.user_id AS "userId", p.full_name AS name
           FROM curator_assignments a JOIN people p ON p.id = a.person_id
          WHERE a.cycle_id = $1 AND a.directory_school_id = $2
          ORDER BY p.full_name LIMIT 1`,
        [school.cycleId, school.directorySchoolId],
      );
      if (assigned) return assigned;
    }
    const [granted] = await this.dataSource.query<{ userId: string; name: string; personId: string | null }[]>(
      `SELECT u.id AS "userId", u.display_name AS name,
              (SELECT p.id FROM people p WHERE p.user_id = u.id LIMIT 1) AS "personId"
         FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'curator' AND g.scope_kind = 'school' AND u.is_active AND g.scope_value = ANY($1)
        ORDER BY u.display_name LIMIT 1`,
      [[school.id, school.directorySchoolId].filter(Boolean)],
    );
    return granted ?? null;
  }

  /** A directory person (or account) as the workflow names people; null if neither exists. */
  async person(ref: { personId?: string | null; userId?: string | null }): Promise<PersonRef | null> {
    if (ref.personId) {
      const [p] = await this.dataSource.query<PersonRef[]>(
        `SELECT p.id AS "personId", p.user_id AS "userId", p.full_name AS name FROM people p WHERE p.id = $1`,
        [ref.personId],
      );
      return p ?? null;
    }
    if (ref.userId) {
      const [u] = await this.dataSource.query<PersonRef[]>(
        `SELECT u.id AS "userId", u.display_name AS name,
                (SELECT p.id FROM people p WHERE p.user_id = u.id LIMIT 1) AS "personId"
           FROM users u WHERE u.id = $1`,
        [ref.userId],
      );
      return u ?? null;
    }
    return null;
  }

  /** The directory person of an account, if any (the workflow matches curators by either id). */
  async personIdOfUser(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM people WHERE user_id = $1 LIMIT 1`, [
      userId,
    ]);
    return row?.id ?? null;
  }

  async progress(schoolId: string): Promise<SchoolProgressEntity | null> {
    return this.dataSource.getRepository(SchoolProgressEntity).findOneBy({ schoolId });
  }

  async timeline(schoolId: string): Promise<SchoolTimelineEntity[]> {
    return this.dataSource.getRepository(SchoolTimelineEntity).find({ where: { schoolId }, order: { step: 'ASC' } });
  }

  async settings(cycleId: string): Promise<CycleSchoolSettingsEntity | null> {
    return this.dataSource.getRepository(CycleSchoolSettingsEntity).findOneBy({ cycleId });
  }

  async saveSettings(settings: Omit<CycleSchoolSettingsEntity, 'updatedAt'>): Promise<CycleSchoolSettingsEntity> {
    await this.dataSource.getRepository(CycleSchoolSettingsEntity).save(settings);
    return (await this.settings(settings.cycleId)) as CycleSchoolSettingsEntity;
  }

  /** Schools of the cycle whose workflow has reported at least once (then the settings are in use). */
  async startedSchools(cycleId: string): Promise<number> {
    return this.dataSource.getRepository(SchoolProgressEntity).countBy({ cycleId });
  }

  /** Every school of the cycle with its directory names and code and its projected stage and profile. */
  async cycleSchools(cycleId: string): Promise<CycleSchoolMatch[]> {
    return this.dataSource.query<CycleSchoolMatch[]>(
      `SELECT s.id AS "schoolId", s.name, d.full_name AS "fullName", d.short_name AS "shortName",
              d.official_code AS "officialCode", p.stage,
              COALESCE(p.state -> 'flaggedDirections', to_jsonb(s.flagged_directions)) AS "flaggedDirections"
         FROM schools s
         LEFT JOIN directory_schools d ON d.id = s.directory_school_id
         LEFT JOIN school_progress p ON p.school_id = s.id
        WHERE s.cycle_id = $1
        ORDER BY s.name`,
      [cycleId],
    );
  }

  /** Stores a risk profile imported before launch (the workflow starts at self-diagnosis with it). */
  async setFlaggedDirections(schoolId: string, flagged: string[]): Promise<void> {
    await this.dataSource.getRepository(SchoolEntity).update({ id: schoolId }, { flaggedDirections: flagged });
  }

  /** The school team: the school's own addresses, its directory e-mail and accounts with a school-team grant. */
  async schoolTeamAddressees(school: SchoolEntity): Promise<Addressee[]> {
    const out: Addressee[] = school.emails.map((email) => ({ name: school.name, email }));
    if (school.directorySchoolId) {
      const directory = await this.dataSource
        .getRepository(DirectorySchoolEntity)
        .findOneBy({ id: school.directorySchoolId });
      if (directory?.email) out.push({ name: directory.director ?? school.name, email: directory.email });
    }
    const users = await this.dataSource.query<Addressee[]>(
      `SELECT u.display_name AS name, u.email FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'school_team' AND g.scope_kind = 'school' AND u.is_active AND g.scope_value = ANY($1)`,
      [[school.id, school.directorySchoolId].filter(Boolean)],
    );
    return unique([...out, ...users]);
  }

  /** Municipal coordinators of the school's municipality (grants name the directory municipality). */
  async coordinatorAddressees(municipalityId: string | null): Promise<Addressee[]> {
    if (!municipalityId) return [];
    const rows = await this.dataSource.query<Addressee[]>(
      `SELECT u.display_name AS name, u.email FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'municipal_coordinator' AND g.scope_kind = 'municipality' AND u.is_active
          AND g.scope_value = $1`,
      [municipalityId],
    );
    return unique(rows);
  }

  /**
   * The directory municipality of each organisation (null: a regional one, e.g. an institute): whose
   * municipal coordinators an escalation about its event reaches in a region-wide cycle.
   */
  async organisationMunicipalities(
    organisationIds: readonly string[],
  ): Promise<{ organisationId: string; municipalityId: string | null }[]> {
    if (!organisationIds.length) return [];
    return this.dataSource.query(
      `SELECT id::text AS "organisationId", municipality_id::text AS "municipalityId"
         FROM organisations WHERE id = ANY($1::uuid[])`,
      [[...new Set(organisationIds)]],
    );
  }

  /** Regional coordinators: the installation serves one region, so every active regional grant counts. */
  async regionalCoordinatorAddressees(): Promise<Addressee[]> {
    const rows = await this.dataSource.query<Addressee[]>(
      `SELECT u.display_name AS name, u.email FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'regional_coordinator' AND u.is_active ORDER BY u.email`,
    );
    return unique(rows);
  }

  /** A person's address: the directory person's e-mail, else the account's. */
  async personAddressee(ref: PersonRef): Promise<Addressee | null> {
    const [row] = await this.dataSource.query<{ email: string | null }[]>(
      `SELECT COALESCE(
         (SELECT p.email FROM people p WHERE p.id = $1::uuid),
         (SELECT u.email FROM users u WHERE u.id = $2::uuid)) AS email`,
      [ref.personId, ref.userId],
    );
    return row?.email ? { name: ref.name, email: row.email } : null;
  }
}

function unique(list: Addressee[]): Addressee[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = a.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
