import { z } from 'zod';

// The server's Content-Security-Policy allows no eval (script-src 'self'), and zod compiles its object parsers
// with `new Function` unless told not to: its feature probe alone is reported as a CSP violation. This module
// is imported first by main.tsx, because zod reads the setting when a schema is created.
z.config({ jitless: true });
