import { Tab, TabList, TabPanel, TabProvider } from '@gravity-ui/uikit';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { OrganisationsTab } from './OrganisationsTab';
import { ParticipantsImport } from './ParticipantsImport';
import { PeopleImport } from './PeopleImport';
import { PeopleTab } from './PeopleTab';
import { SchoolsTab } from './SchoolsTab';
import { t } from './i18n';
import { useDirectoryOrganisations, useDirectoryPeopleList, useDirectorySchools } from '../../../lib/use-directory';

const TABS = ['schools', 'organisations', 'people', 'import'] as const;
type DirectoryTab = (typeof TABS)[number];

/**
 * The directory within the caller's scope, one tab per kind of entry (searched and paged, so a
 * region's thousands of rows stay usable) and one for the imports. The tab is in the address
 * (?tab=people), so a link or a reload keeps it.
 */
export default function Directory() {
  const queryClient = useQueryClient();
  const schools = useDirectorySchools();
  const organisations = useDirectoryOrganisations();
  const people = useDirectoryPeopleList();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['directory'] });
  const [done, setDone] = useState<string | null>(null);
  const saved = (message: string) => {
    setDone(message);
    refresh();
  };
  const [params, setParams] = useSearchParams();

  const header = (
    <div className="page-title">
      <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
    </div>
  );
  if (schools.isPending || organisations.isPending || people.isPending) {
    return (
      <>
        {header}
        <PageLoader />
      </>
    );
  }
  if (schools.error || organisations.error || people.error) {
    return (
      <>
        {header}
        <ErrorState error={schools.error ?? organisations.error ?? people.error} onRetry={refresh} />
      </>
    );
  }
  const empty = schools.data.length + organisations.data.length + people.data.length === 0;
  const asked = params.get('tab') as DirectoryTab | null;
  const tab: DirectoryTab = asked && TABS.includes(asked) ? asked : empty ? 'import' : 'schools';
  const choose = (next: string) => {
    setDone(null);
    setParams((p) => {
      p.set('tab', next);
      return p;
    });
  };
  return (
    <>
      {header}
      <TabProvider value={tab} onUpdate={choose}>
        <TabList className="directory-tabs" size="l">
          <Tab value="schools" counter={schools.data.length}>
            {t.schools}
          </Tab>
          <Tab value="organisations" counter={organisations.data.length}>
            {t.organisations}
          </Tab>
          <Tab value="people" counter={people.data.length}>
            {t.people}
          </Tab>
          <Tab value="import">{t.tabImport}</Tab>
        </TabList>
        {done && (
          <p role="status" className="directory-status">
            {done}
          </p>
        )}
        <TabPanel value="schools">
          {empty ? <EmptyState title={t.empty} /> : <SchoolsTab schools={schools.data} onSaved={saved} />}
        </TabPanel>
        <TabPanel value="organisations">
          <OrganisationsTab organisations={organisations.data} onSaved={saved} />
        </TabPanel>
        <TabPanel value="people">
          <PeopleTab people={people.data} organisations={organisations.data} schools={schools.data} onSaved={saved} />
        </TabPanel>
        <TabPanel value="import">
          <ParticipantsImport
            schoolOptions={schools.data.map((s) => ({ value: s.id, content: s.fullName }))}
            organisationOptions={organisations.data.map((o) => ({ value: o.id, content: o.name }))}
            onSaved={saved}
          />
          <PeopleImport
            onSaved={refresh}
            organisations={organisations.data.map((o) => ({ value: o.id, content: o.name }))}
          />
        </TabPanel>
      </TabProvider>
    </>
  );
}
