import { InitialSchema1795340000000 } from './1795340000000-initial-schema.migration';

/** Every migration, in order. Adding one here is how the schema changes; `synchronize` is never used. */
export const MIGRATIONS = [InitialSchema1795340000000];
