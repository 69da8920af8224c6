import { config } from "zod";

// Imported for its effect by every schema module in lib/validations, before `zod` itself, so this runs before any
// schema is built. zod 4 otherwise probes `new Function("")` (to compile fast object parsers) the first time it
// builds an object schema; under the console's CSP (no 'unsafe-eval') the probe fails harmlessly but the browser
// reports it as a CSP violation.
//
// Only `config` is imported, and nothing is re-exported: re-exporting zod's `z` namespace from here made it escape
// webpack's tree shaking, and every page that validates a form shipped all of zod (~90 KiB gzip more on /sign-in).
config({ jitless: true });
