import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { RequireSession, useSession, homePathFor } from './auth/session';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageState';

// One chunk per page: the first load carries only the shell and the sign-in page.
const SignIn = lazy(() => import('./pages/auth/SignIn/SignIn'));
const ForgotPassword = lazy(() => import('./pages/auth/ForgotPassword/ForgotPassword'));
const ResetPassword = lazy(() => import('./pages/auth/ResetPassword/ResetPassword'));
const MagicLink = lazy(() => import('./pages/auth/MagicLink/MagicLink'));
const Unsubscribe = lazy(() => import('./pages/auth/Unsubscribe/Unsubscribe'));
const MailTemplates = lazy(() => import('./pages/coordinator/MailTemplates/MailTemplates'));
const Roadmaps = lazy(() => import('./pages/coordinator/Roadmaps/Roadmaps'));
const RoadmapUpload = lazy(() => import('./pages/coordinator/RoadmapUpload/RoadmapUpload'));
const CycleLaunch = lazy(() => import('./pages/coordinator/CycleLaunch/CycleLaunch'));
const LaunchProgress = lazy(() => import('./pages/coordinator/LaunchProgress/LaunchProgress'));
const Cycles = lazy(() => import('./pages/cycles/Cycles/Cycles'));
const CycleDashboard = lazy(() => import('./pages/cycles/CycleDashboard/CycleDashboard'));
const SchoolPage = lazy(() => import('./pages/school/SchoolPage/SchoolPage'));
const OurSchool = lazy(() => import('./pages/school/OurSchool/OurSchool'));
const ReviewQueue = lazy(() => import('./pages/curator/ReviewQueue/ReviewQueue'));
const EventPage = lazy(() => import('./pages/executor/EventPage/EventPage'));
const MyEvents = lazy(() => import('./pages/executor/MyEvents/MyEvents'));
const Directory = lazy(() => import('./pages/coordinator/Directory/Directory'));
const Users = lazy(() => import('./pages/admin/Users/Users'));
const AuditLog = lazy(() => import('./pages/admin/AuditLog/AuditLog'));
const Mail = lazy(() => import('./pages/coordinator/Mail/Mail'));
const Calendar = lazy(() => import('./pages/coordinator/Calendar/Calendar'));
const NotFound = lazy(() => import('./pages/NotFound/NotFound'));

function Home() {
  const { me } = useSession();
  return <Navigate to={homePathFor(me)} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/login" element={<SignIn />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password" element={<ResetPassword />} />
          {/* The invitation's single-use link sets the first password the same way a reset does. */}
          <Route path="/set-password" element={<ResetPassword />} />
          {/* One-click links from letters: a session for exactly one item. */}
          <Route path="/m/:token" element={<MagicLink />} />
          <Route path="/unsubscribe" element={<Unsubscribe />} />
          <Route element={<RequireSession />}>
            <Route element={<AppLayout />}>
              <Route index element={<Home />} />
              <Route path="/roadmaps" element={<Roadmaps />} />
              <Route path="/roadmaps/new" element={<RoadmapUpload />} />
              <Route path="/roadmaps/:roadmapId/launch" element={<CycleLaunch />} />
              <Route path="/cycles" element={<Cycles />} />
              <Route path="/cycles/:cycleId/launch" element={<LaunchProgress />} />
              <Route path="/cycles/:cycleId" element={<CycleDashboard />} />
              <Route path="/cycles/:cycleId/schools/:schoolId" element={<SchoolPage />} />
              <Route path="/cycles/:cycleId/events/:eventId" element={<EventPage />} />
              <Route path="/my-events" element={<MyEvents />} />
              <Route path="/our-school" element={<OurSchool />} />
              <Route path="/reviews" element={<ReviewQueue />} />
              <Route path="/directory" element={<Directory />} />
              <Route path="/mail-templates" element={<MailTemplates />} />
              <Route path="/audit" element={<AuditLog />} />
              <Route path="/mail" element={<Mail />} />
              <Route path="/calendar" element={<Calendar />} />
              <Route path="/admin/users" element={<Users />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
