// Preloaded with -r into the API under `npm run bench -- --profile`: records a CPU profile and
// writes it to ORIENTIR_CPU_PROFILE_DIR when the process exits (--cpu-prof is refused there).
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const dir = process.env.ORIENTIR_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  // A same-thread session answers synchronously, so this works inside 'exit' and signal handlers.
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // Registered before Nest's own SIGTERM hook, which ends the process by re-raising the signal.
  process.once('SIGTERM', write);
  process.once('exit', write);
}
